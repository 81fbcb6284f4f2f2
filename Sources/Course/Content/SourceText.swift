/// One line of a content file with its 1-based number, so every later error can say where it is.
struct SourceLine: Sendable {
  var number: Int
  var text: String

  var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}

/// A content file split into numbered lines, with the file name errors carry.
struct SourceText: Sendable {
  var file: String
  var lines: [SourceLine]

  init(file: String, contents: String) {
    self.file = file
    var lines: [SourceLine] = []
    let bytes = contents.utf8
    for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .enumerated()
    {
      let body = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
      lines.append(SourceLine(number: index + 1, text: String(Substring(body))))
    }
    if lines.last?.text.isEmpty == true { lines.removeLast() }
    self.lines = lines
  }

  func error(_ line: Int, _ message: String) -> ContentError {
    ContentError(file: file, line: line, message: message)
  }
}

extension Array where Element == SourceLine {
  /// The lines joined back into Markdown, without leading and trailing blank lines.
  var markdown: String {
    var lines = self[...]
    while lines.first?.isBlank == true { lines.removeFirst() }
    while lines.last?.isBlank == true { lines.removeLast() }
    return lines.map(\.text).joined(separator: "\n")
  }
}

/// Tracks fenced code blocks, so that `##`, `:::` and `[label]` inside code are not read as structure.
struct FenceTracker {
  private var fence: String?

  /// Feeds a line; returns whether it is inside a fenced code block or is one of its fence lines.
  mutating func isCode(_ line: SourceLine) -> Bool {
    let trimmed = line.text.drop { $0 == " " }
    if let open = fence {
      if trimmed.hasPrefix(open) && trimmed.allSatisfy({ $0 == open.first }) { fence = nil }
      return true
    }
    for marker in ["```", "~~~"] where trimmed.hasPrefix(marker) {
      fence = String(trimmed.prefix { $0 == marker.first })
      return true
    }
    return false
  }
}
