/// Source handed to the compiler under another file's name: lines the compiler reports, and the `#line`
/// an expectation records, are those of the original file.
enum SourceLocation {
  /// source as if it stood in file from line on.
  static func placed(_ source: String, file: String, line: Int) -> String {
    var quoted = ""
    for character in file {
      if character == "\\" || character == "\"" { quoted.append("\\") }
      quoted.append(character)
    }
    return "#sourceLocation(file: \"\(quoted)\", line: \(line))\n" + source + "\n#sourceLocation()\n"
  }
}
