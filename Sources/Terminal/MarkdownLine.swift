/// Recognisers for the kinds of line that start Markdown blocks, shared by the block parser's rules.
enum MarkdownLine {
  /// The start of a list item: where its marker sits, and where its content starts.
  struct ListMarker {
    var indent: Int
    var ordered: Bool
    var number: Int
    var contentIndent: Int
  }

  /// The opening or closing line of a fenced code block.
  struct Fence {
    var indent: Int
    var character: Character
    var length: Int
    var info: String
  }

  static func isBlank(_ line: String) -> Bool {
    line.allSatisfy { $0 == " " }
  }

  static func indent(_ line: String) -> Int {
    line.prefix { $0 == " " }.count
  }

  static func listMarker(_ line: String) -> ListMarker? {
    let indent = indent(line)
    let rest = Array(line.dropFirst(indent))
    guard let first = rest.first else { return nil }
    var markerLength: Int
    var number = 1
    var ordered = false
    if first == "-" || first == "*" || first == "+" {
      markerLength = 1
    } else {
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard (1...9).contains(digits.count), digits.count < rest.count,
        rest[digits.count] == "." || rest[digits.count] == ")"
      else { return nil }
      number = Int(String(digits)) ?? 1
      ordered = true
      markerLength = digits.count + 1
    }
    guard rest.count == markerLength || rest[markerLength] == " " else { return nil }
    let spaces = rest.dropFirst(markerLength).prefix { $0 == " " }.count
    let gap = spaces == 0 || spaces > 4 || spaces == rest.count - markerLength ? 1 : spaces
    return ListMarker(
      indent: indent, ordered: ordered, number: number, contentIndent: indent + markerLength + gap)
  }

  static func fence(_ line: String) -> Fence? {
    let indent = indent(line)
    guard indent <= 3, let first = line.dropFirst(indent).first, first == "`" || first == "~" else {
      return nil
    }
    let rest = line.dropFirst(indent)
    let length = rest.prefix { $0 == first }.count
    guard length >= 3 else { return nil }
    let info = rest.dropFirst(length).trimmingSpaces()
    if first == "`" && info.contains("`") { return nil }
    return Fence(indent: indent, character: first, length: length, info: info)
  }

  /// Level and text of an ATX heading, without a closing run of `#`.
  static func heading(_ line: String) -> (level: Int, text: String)? {
    guard indent(line) <= 3 else { return nil }
    let rest = line.drop { $0 == " " }
    let level = rest.prefix { $0 == "#" }.count
    guard (1...6).contains(level) else { return nil }
    let after = rest.dropFirst(level)
    guard after.isEmpty || after.first == " " else { return nil }
    var text = after.trimmingSpaces()
    let closing = text.reversed().prefix { $0 == "#" }.count
    if closing == text.count {
      text = ""
    } else if closing > 0, text.dropLast(closing).last == " " {
      text = text.dropLast(closing).trimmingSpaces()
    }
    return (level, text)
  }

  static func isRule(_ line: String) -> Bool {
    guard indent(line) <= 3 else { return false }
    let marks = line.filter { $0 != " " }
    guard let first = marks.first, "-*_".contains(first), marks.count >= 3 else { return false }
    return marks.allSatisfy { $0 == first }
  }

  /// The content of a block quote line, after `>` and one optional space.
  static func quoteContent(_ line: String) -> String? {
    guard indent(line) <= 3 else { return nil }
    let rest = line.drop { $0 == " " }
    guard rest.first == ">" else { return nil }
    let content = rest.dropFirst()
    return String(content.first == " " ? content.dropFirst() : content)
  }

  /// A table's delimiter row: one alignment per cell, or nil when the line is not one.
  static func tableAlignments(_ line: String) -> [TextLayout.Alignment]? {
    guard line.contains("|"), line.contains("-") else { return nil }
    var alignments: [TextLayout.Alignment] = []
    for cell in tableCells(line) {
      let left = cell.hasPrefix(":")
      let right = cell.hasSuffix(":")
      let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      alignments.append(left && right ? .center : right ? .right : .left)
    }
    return alignments.isEmpty ? nil : alignments
  }

  /// The cells of a table row: outer pipes dropped, split at pipes that are not escaped, trimmed.
  static func tableCells(_ line: String) -> [String] {
    var text = Substring(line.trimmingSpaces())
    if text.hasPrefix("|") { text = text.dropFirst() }
    if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in text {
      if escaped {
        if character != "|" { current.append("\\") }
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        cells.append(current.trimmingSpaces())
        current = ""
      } else {
        current.append(character)
      }
    }
    if escaped { current.append("\\") }
    cells.append(current.trimmingSpaces())
    return cells
  }
}
