/// Word-wraps text (which may contain ANSI codes) to width columns; the first line starts with firstIndent, the rest with indent; words longer than a line are broken; an active style is closed at the end of a line and reopened on the next, so every returned line is self-contained. Existing "\n" start new lines.
public func wrap(_ text: String, width: Int, firstIndent: String = "", indent: String = "") -> [String] {
  var wrapper = LineWrapper(width: width, firstIndent: firstIndent, indent: indent)
  for (number, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    if number > 0 { wrapper.finishLine() }
    for word in Word.keepingUnitsWithNumbers(Word.split(String(paragraph))) {
      wrapper.add(word)
    }
  }
  wrapper.finishLine()
  return wrapper.lines
}

/// A run of tokens between blanks: the unit that wrap keeps together when it can.
struct Word {
  var tokens: [ANSIToken] = []
  var width = 0

  /// Removes and returns the escapes after the last character and after the last reset among them:
  /// styles opened just before a blank belong to the next word.
  mutating func trailingOpeners() -> [ANSIToken] {
    var start = tokens.count
    while start > 0, case .escape(let sequence) = tokens[start - 1], !SGRState.isReset(sequence) {
      start -= 1
    }
    let carried = Array(tokens[start...])
    tokens.removeSubrange(start...)
    return carried
  }

  /// Units that read wrong alone at the start of a line, apart from their number ("0.77" / "s").
  static let units: Set<String> = [
    "s", "ms", "µs", "μs", "ns", "min", "h", "B", "KB", "kB", "MB", "GB", "KiB", "MiB", "GiB", "%",
  ]

  /// The last visible character of the word.
  var lastCharacter: Character? {
    for token in tokens.reversed() {
      if case .character(let character, _) = token { return character }
    }
    return nil
  }

  /// The visible text of the word.
  var text: String {
    String(
      tokens.compactMap { token -> Character? in
        if case .character(let character, _) = token { return character }
        return nil
      })
  }

  /// Words with each unit (as in `units`, punctuation after it allowed) joined to the number before it
  /// by a space that wrap does not break at, so "0.77 s" stays on one line.
  static func keepingUnitsWithNumbers(_ words: [Word]) -> [Word] {
    var result: [Word] = []
    for word in words {
      let bare = String(word.text.reversed().drop { ",.;:)".contains($0) }.reversed())
      if let previous = result.last, previous.lastCharacter?.isNumber == true, units.contains(bare) {
        result[result.count - 1].tokens += [.character(" ", width: 1)] + word.tokens
        result[result.count - 1].width += 1 + word.width
      } else {
        result.append(word)
      }
    }
    return result
  }

  /// Splits a line at spaces and tabs; escape sequences stay with the word they touch, and a line of
  /// escapes alone gives one word of width 0.
  static func split(_ line: String) -> [Word] {
    var words: [Word] = []
    var current = Word()
    var hasCharacters = false
    for token in ANSIToken.tokens(line) {
      if case .character(let character, _) = token, character == " " || character == "\t" {
        if hasCharacters {
          let carried = current.trailingOpeners()
          words.append(current)
          current = Word(tokens: carried, width: 0)
          hasCharacters = false
        }
        continue
      }
      current.tokens.append(token)
      if case .character(_, let width) = token {
        current.width += width
        hasCharacters = true
      }
    }
    if !current.tokens.isEmpty {
      if !hasCharacters, !words.isEmpty {
        words[words.count - 1].tokens += current.tokens
      } else {
        words.append(current)
      }
    }
    return words
  }
}

/// The state of a wrap in progress: finished lines, and the line being filled.
struct LineWrapper {
  let width: Int
  let firstIndent: String
  let indent: String
  private(set) var lines: [String] = []
  private var line = ""
  private var lineWidth = 0
  private var lineHasWords = false
  private var state = SGRState()

  init(width: Int, firstIndent: String, indent: String) {
    self.width = width
    self.firstIndent = firstIndent
    self.indent = indent
  }

  /// Columns for text on the current line, after its indent; at least one so wrapping always advances.
  private var room: Int {
    max(1, width - DisplayWidth.of(lines.isEmpty ? firstIndent : indent))
  }

  /// Places a word on the current line, or on a new one when it does not fit, breaking it when no line can hold it.
  mutating func add(_ word: Word) {
    if lineHasWords {
      if lineWidth + 1 + word.width <= room {
        line += " "
        lineWidth += 1
      } else {
        finishLine()
      }
    }
    lineHasWords = true
    for token in word.tokens {
      switch token {
      case .escape(let sequence):
        state.apply(sequence)
        line += sequence
      case .character(let character, let width):
        if lineWidth + width > room, lineWidth > 0 {
          finishLine()
          lineHasWords = true
        }
        line.append(character)
        lineWidth += width
      }
    }
  }

  /// Ends the current line: closes an open style, adds the indent, and starts the next line with the style reopened.
  mutating func finishLine() {
    let prefix = lines.isEmpty ? firstIndent : indent
    var finished = prefix + line
    if state.isStyled { finished += Style.reset }
    if lineWidth == 0 && !state.isStyled && DisplayWidth.stripped(line).isEmpty {
      finished = String(prefix.reversed().drop { $0 == " " }.reversed()) + line
    }
    lines.append(finished)
    line = state.reopening
    lineWidth = 0
    lineHasWords = false
  }
}
