/// Swift source with the insides of string literals and comments blanked out, character for character,
/// so braces, parentheses and keywords can be counted and matched without being fooled by a `{` in a
/// string or a comment. String interpolations stay code; nested block comments and raw strings are
/// followed.
struct SwiftSourceMask {
  /// The source's lines, as characters.
  let lines: [[Character]]
  /// The same lines with literal and comment contents replaced by spaces (quotes are kept).
  let masked: [[Character]]
  /// Whether each line starts in code (not inside a multi-line string or a block comment).
  let startsInCode: [Bool]

  private enum Context {
    case string(multiline: Bool, hashes: Int)
    case interpolation(parentheses: Int)
    case blockComment(depth: Int)
  }

  init(_ source: String) {
    let characters = Array(source)
    var output: [Character] = []
    output.reserveCapacity(characters.count)
    var starts: [Bool] = [true]
    var stack: [Context] = []
    var index = 0

    func at(_ offset: Int) -> Character? {
      index + offset < characters.count ? characters[index + offset] : nil
    }
    func matches(_ text: String) -> Bool {
      for (offset, character) in text.enumerated() where at(offset) != character { return false }
      return true
    }
    func emit(_ character: Character, blank: Bool) {
      output.append(character == "\n" ? "\n" : (blank ? " " : character))
      if character == "\n" {
        var inCode = true
        if case .blockComment = stack.last { inCode = false }
        if case .string = stack.last { inCode = false }
        starts.append(inCode)
      }
      index += 1
    }

    while index < characters.count {
      let character = characters[index]
      switch stack.last {
      case .blockComment(let depth):
        if matches("/*") {
          stack[stack.count - 1] = .blockComment(depth: depth + 1)
          emit(character, blank: true)
          emit("*", blank: true)
        } else if matches("*/") {
          stack.removeLast()
          if depth > 1 { stack.append(.blockComment(depth: depth - 1)) }
          emit(character, blank: true)
          emit("/", blank: true)
        } else {
          emit(character, blank: true)
        }
      case .string(let multiline, let hashes):
        let closing = (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
        if character == "\\" && hashes == 0 && at(1) == "(" {
          emit(character, blank: true)
          emit("(", blank: true)
          stack.append(.interpolation(parentheses: 0))
        } else if character == "\\" && hashes == 0 && at(1) != nil && at(1) != "\n" {
          emit(character, blank: true)
          emit(characters[index], blank: true)
        } else if matches(closing) {
          stack.removeLast()
          for closer in closing { emit(closer, blank: false) }
        } else if character == "\n" && !multiline {
          stack.removeLast()
          emit(character, blank: false)
        } else {
          emit(character, blank: true)
        }
      case .interpolation, nil:
        if matches("//") {
          while index < characters.count && characters[index] != "\n" { emit(characters[index], blank: true) }
        } else if matches("/*") {
          stack.append(.blockComment(depth: 1))
          emit(character, blank: true)
          emit("*", blank: true)
        } else if let opening = Self.stringOpening(characters, at: index) {
          for opener in opening.text { emit(opener, blank: false) }
          stack.append(.string(multiline: opening.multiline, hashes: opening.hashes))
        } else if case .interpolation(let parentheses) = stack.last, character == "(" || character == ")" {
          stack.removeLast()
          if character == "(" {
            stack.append(.interpolation(parentheses: parentheses + 1))
          } else if parentheses > 0 {
            stack.append(.interpolation(parentheses: parentheses - 1))
          }
          emit(character, blank: character == ")" && parentheses == 0)
        } else {
          emit(character, blank: false)
        }
      }
    }
    lines = characters.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    masked = output.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    startsInCode = starts
  }

  /// A string literal's opening at index: `"`, `"""`, or either after one or more `#`.
  private static func stringOpening(
    _ characters: [Character], at index: Int
  ) -> (text: String, multiline: Bool, hashes: Int)? {
    var hashes = 0
    while index + hashes < characters.count && characters[index + hashes] == "#" { hashes += 1 }
    let quote = index + hashes
    guard quote < characters.count, characters[quote] == "\"" else { return nil }
    let multiline =
      quote + 2 < characters.count && characters[quote + 1] == "\"" && characters[quote + 2] == "\""
    let text = String(repeating: "#", count: hashes) + (multiline ? "\"\"\"" : "\"")
    return (text, multiline, hashes)
  }
}
