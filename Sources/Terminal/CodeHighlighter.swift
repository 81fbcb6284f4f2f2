/// A small lexical highlighter for fenced code: keywords magenta, strings green, numbers yellow,
/// comments gray. It knows Swift (`//` and nested `/* */` comments) and Python (`#` comments,
/// single, double and triple quotes).
enum CodeHighlighter {
  enum Language: Sendable {
    case swift, python

    /// The language named by a fence's info string, or nil when it is not highlighted.
    init?(name: String?) {
      switch name?.lowercased() {
      case "swift": self = .swift
      case "python", "py", "python3": self = .python
      default: return nil
      }
    }

    var keywords: Set<String> {
      switch self {
      case .swift: return CodeHighlighter.swiftKeywords
      case .python: return CodeHighlighter.pythonKeywords
      }
    }
  }

  enum Kind: Equatable, Sendable {
    case plain, keyword, string, number, comment

    var style: Style {
      switch self {
      case .plain: return []
      case .keyword: return .magenta
      case .string: return .green
      case .number: return .yellow
      case .comment: return .gray
      }
    }
  }

  /// The lines painted token by token; each line is self-contained even inside a multi-line comment or string.
  static func highlight(_ lines: [String], language: Language, theme: Theme) -> [String] {
    var result = [""]
    for (kind, text) in tokens(lines.joined(separator: "\n"), language: language) {
      for (number, piece) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if number > 0 { result.append("") }
        result[result.count - 1] += theme.paint(String(piece), kind.style)
      }
    }
    return result
  }

  /// Splits source into tokens; adjacent plain characters are merged.
  static func tokens(_ source: String, language: Language) -> [(Kind, String)] {
    let characters = Array(source)
    var tokens: [(Kind, String)] = []
    func add(_ kind: Kind, _ range: Range<Int>) {
      let text = String(characters[range])
      if kind == .plain, let last = tokens.last, last.0 == .plain {
        tokens[tokens.count - 1].1 += text
      } else {
        tokens.append((kind, text))
      }
    }
    func isIdentifier(_ index: Int) -> Bool {
      index >= 0 && index < characters.count
        && (characters[index].isLetter || characters[index].isNumber || characters[index] == "_")
    }
    func lineEnd(from index: Int) -> Int {
      characters[index...].firstIndex(of: "\n") ?? characters.count
    }
    var index = 0
    while index < characters.count {
      let character = characters[index]
      let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
      let start = index
      if language == .swift && character == "/" && next == "/" || language == .python && character == "#" {
        index = lineEnd(from: index)
        add(.comment, start..<index)
      } else if language == .swift && character == "/" && next == "*" {
        index = blockCommentEnd(characters, from: index)
        add(.comment, start..<index)
      } else if character == "\"" || language == .python && character == "'" {
        index = stringEnd(characters, from: index)
        add(.string, start..<index)
      } else if character.isASCII && character.isNumber && !isIdentifier(index - 1) {
        index += 1
        while isIdentifier(index)
          || characters.indices.contains(index + 1) && characters[index] == "."
            && characters[index + 1].isASCII && characters[index + 1].isNumber
        {
          index += 1
        }
        add(.number, start..<index)
      } else if character.isLetter || character == "_" {
        while isIdentifier(index) { index += 1 }
        let word = String(characters[start..<index])
        let attached = start > 0 && (characters[start - 1] == "@" || characters[start - 1] == "#")
        add(language.keywords.contains(word) && !attached ? .keyword : .plain, start..<index)
      } else {
        index += 1
        add(.plain, start..<index)
      }
    }
    return tokens
  }

  /// The index after a `/* */` comment starting at start; Swift comments nest.
  private static func blockCommentEnd(_ characters: [Character], from start: Int) -> Int {
    var depth = 0
    var index = start
    while index < characters.count {
      let pair = index + 1 < characters.count ? (characters[index], characters[index + 1]) : nil
      if pair?.0 == "/" && pair?.1 == "*" {
        depth += 1
        index += 2
      } else if pair?.0 == "*" && pair?.1 == "/" {
        depth -= 1
        index += 2
        if depth == 0 { return index }
      } else {
        index += 1
      }
    }
    return index
  }

  /// The index after the string literal whose quote is at start: backslash escapes are skipped, a
  /// single-quoted string ends at the line's end if unclosed, a triple-quoted one may span lines.
  private static func stringEnd(_ characters: [Character], from start: Int) -> Int {
    let quote = characters[start]
    let triple =
      start + 2 < characters.count && characters[start + 1] == quote && characters[start + 2] == quote
    let length = triple ? 3 : 1
    var index = start + length
    while index < characters.count {
      let character = characters[index]
      if character == "\\" {
        index += 2
      } else if character == quote
        && (!triple
          || index + 2 < characters.count && characters[index + 1] == quote && characters[index + 2] == quote)
      {
        return index + length
      } else if character == "\n" && !triple {
        return index
      } else {
        index += 1
      }
    }
    return min(index, characters.count)
  }

  static let swiftKeywords: Set<String> = [
    "actor", "any", "as", "associatedtype", "async", "await", "borrowing", "break", "case", "catch", "class",
    "consuming", "continue", "convenience", "default", "defer", "deinit", "do", "else", "enum", "extension",
    "fallthrough", "false", "fileprivate", "final", "for", "func", "guard", "if", "import", "in", "indirect",
    "init", "inout", "internal", "is", "lazy", "let", "mutating", "nil", "nonisolated", "open", "operator",
    "override", "private", "protocol", "public", "repeat", "required", "rethrows", "return", "self", "Self",
    "sending", "some", "static", "struct", "subscript", "super", "switch", "throw", "throws", "true", "try",
    "typealias", "unowned", "var", "weak", "where", "while",
  ]

  static let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "case", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "match", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
  ]
}
