// Small string helpers for the Markdown parsers.

extension StringProtocol {
  /// The text without leading and trailing spaces.
  func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

extension String {
  /// The text with CRLF and lone CR line ends turned into LF.
  func replacingCRLF() -> String {
    guard contains("\r") || contains("\r\n") else { return self }
    var result = ""
    for character in self {
      if character == "\r\n" || character == "\r" { result.append("\n") } else { result.append(character) }
    }
    return result
  }
}
