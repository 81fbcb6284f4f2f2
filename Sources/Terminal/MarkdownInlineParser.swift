/// Parses inline Markdown: backslash escapes, code spans, emphasis and strong with `*` and `_`, and
/// links. Delimiters without a partner stay as literal text.
struct MarkdownInlineParser {
  private let characters: [Character]

  /// ASCII punctuation, the characters a backslash escapes.
  private static let escapable = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

  static func parse(_ text: String) -> [MarkdownInline] {
    let parser = MarkdownInlineParser(characters: Array(text))
    return parser.parse(0..<parser.characters.count)
  }

  private func parse(_ range: Range<Int>) -> [MarkdownInline] {
    var nodes: [MarkdownInline] = []
    var text = ""
    func add(_ node: MarkdownInline) {
      if !text.isEmpty { nodes.append(.text(text)) }
      text = ""
      nodes.append(node)
    }
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      let character = characters[index]
      if character == "\\", index + 1 < end, Self.escapable.contains(characters[index + 1]) {
        text.append(characters[index + 1])
        index += 2
      } else if character == "`" {
        if let (content, next) = codeSpan(at: index, end: end) {
          add(.code(content))
          index = next
        } else {
          let run = runLength(at: index, end: end)
          text += String(repeating: "`", count: run)
          index += run
        }
      } else if character == "*" || character == "_" {
        if let (emphasized, next) = emphasis(at: index, end: end) {
          for node in emphasized {
            if case .text(let literal) = node { text += literal } else { add(node) }
          }
          index = next
        } else {
          let run = runLength(at: index, end: end)
          text += String(repeating: character, count: run)
          index += run
        }
      } else if character == "[", let (node, next) = link(at: index, end: end) {
        add(node)
        index = next
      } else {
        text.append(character)
        index += 1
      }
    }
    if !text.isEmpty { nodes.append(.text(text)) }
    return nodes
  }

  private func runLength(at index: Int, end: Int) -> Int {
    var count = 0
    while index + count < end, characters[index + count] == characters[index] { count += 1 }
    return count
  }

  /// A code span opened by the backtick run at index and closed by a run of the same length.
  private func codeSpan(at index: Int, end: Int) -> (String, Int)? {
    let run = runLength(at: index, end: end)
    var scan = index + run
    while scan < end {
      guard characters[scan] == "`" else {
        scan += 1
        continue
      }
      let closing = runLength(at: scan, end: end)
      if closing == run {
        var content = characters[(index + run)..<scan]
        if content.count > 1, content.first == " ", content.last == " ",
          content.contains(where: { $0 != " " })
        {
          content = content.dropFirst().dropLast()
        }
        return (String(content), scan + closing)
      }
      scan += closing
    }
    return nil
  }

  private func isSpace(_ index: Int) -> Bool {
    index < 0 || index >= characters.count || characters[index].isWhitespace
  }

  private func isWordCharacter(_ index: Int) -> Bool {
    index >= 0 && index < characters.count && (characters[index].isLetter || characters[index].isNumber)
  }

  /// Emphasis or strong opened by the delimiter run at index: three delimiters give strong emphasis,
  /// two strong, one emphasis; a shorter opening is tried when the longer finds no partner, and the
  /// delimiters it leaves over come first as text.
  private func emphasis(at index: Int, end: Int) -> ([MarkdownInline], Int)? {
    let delimiter = characters[index]
    let run = runLength(at: index, end: end)
    guard !isSpace(index + run) else { return nil }
    if delimiter == "_" && isWordCharacter(index - 1) { return nil }
    for size in stride(from: min(run, 3), through: 1, by: -1) {
      let open = index + run - size
      guard let (contentEnd, next) = closer(for: delimiter, size: size, from: open + size, end: end) else {
        continue
      }
      let inner = parse((open + size)..<contentEnd)
      let node: MarkdownInline
      switch size {
      case 3: node = .strong([.emphasis(inner)])
      case 2: node = .strong(inner)
      default: node = .emphasis(inner)
      }
      let literal = String(repeating: delimiter, count: run - size)
      return (literal.isEmpty ? [node] : [.text(literal), node], next)
    }
    return nil
  }

  /// Where the content ends and parsing resumes for a closing run of size delimiters, skipping escapes,
  /// code spans, and runs of other sizes (nested emphasis).
  private func closer(for delimiter: Character, size: Int, from start: Int, end: Int) -> (Int, Int)? {
    var scan = start
    while scan < end {
      let character = characters[scan]
      if character == "\\" {
        scan += 2
      } else if character == "`", let (_, next) = codeSpan(at: scan, end: end) {
        scan = next
      } else if character == delimiter {
        let run = runLength(at: scan, end: end)
        let fits = size == 2 ? run >= 2 : run == size || run >= 3
        let rightFlanking = !isSpace(scan - 1) && !(delimiter == "_" && isWordCharacter(scan + run))
        if fits, rightFlanking, scan > start {
          return (scan + run - size, scan + run)
        }
        scan += run
      } else {
        scan += 1
      }
    }
    return nil
  }

  /// A link `[text](url)` starting at index; a title after the URL is dropped.
  private func link(at index: Int, end: Int) -> (MarkdownInline, Int)? {
    var depth = 0
    var scan = index
    var closeBracket: Int?
    while scan < end {
      let character = characters[scan]
      if character == "\\" {
        scan += 2
        continue
      }
      if character == "`", let (_, next) = codeSpan(at: scan, end: end) {
        scan = next
        continue
      }
      if character == "[" { depth += 1 }
      if character == "]" {
        depth -= 1
        if depth == 0 {
          closeBracket = scan
          break
        }
      }
      scan += 1
    }
    guard let closeBracket, closeBracket + 1 < end, characters[closeBracket + 1] == "(" else { return nil }
    var parenthesisDepth = 0
    scan = closeBracket + 1
    while scan < end {
      if characters[scan] == "(" { parenthesisDepth += 1 }
      if characters[scan] == ")" {
        parenthesisDepth -= 1
        if parenthesisDepth == 0 { break }
      }
      scan += 1
    }
    guard scan < end else { return nil }
    var url = String(characters[(closeBracket + 2)..<scan]).trimmingSpaces()
    if let space = url.firstIndex(of: " ") { url = String(url[..<space]) }
    if url.hasPrefix("<") && url.hasSuffix(">") && url.count >= 2 { url = String(url.dropFirst().dropLast()) }
    return (.link(text: parse((index + 1)..<closeBracket), url: url), scan + 1)
  }
}
