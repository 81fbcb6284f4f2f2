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
  /// What a line is to the code blocks around it.
  enum Event: Equatable {
    case text
    /// An opening fence, with its info string (`swift fragment`).
    case opening(info: String)
    case code
    case closing
  }

  private var fence: String?

  /// Feeds a line; says whether it opens, continues or closes a fenced code block, or is outside one.
  mutating func feed(_ line: SourceLine) -> Event {
    let trimmed = line.text.drop { $0 == " " }
    if let open = fence {
      guard trimmed.hasPrefix(open) && trimmed.allSatisfy({ $0 == open.first }) else { return .code }
      fence = nil
      return .closing
    }
    for marker in ["```", "~~~"] where trimmed.hasPrefix(marker) {
      let opening = String(trimmed.prefix { $0 == marker.first })
      fence = opening
      return .opening(info: trimmed.dropFirst(opening.count).trimmed)
    }
    return .text
  }

  /// Feeds a line; returns whether it is inside a fenced code block or is one of its fence lines.
  mutating func isCode(_ line: SourceLine) -> Bool { feed(line) != .text }
}
