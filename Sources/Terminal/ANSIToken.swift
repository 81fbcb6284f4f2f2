/// One piece of terminal text: an escape sequence that takes no columns, or a visible character.
enum ANSIToken: Equatable {
  case escape(String)
  case character(Character, width: Int)

  /// Splits text into escape sequences (CSI up to its final byte, OSC up to BEL or ST, or ESC and one
  /// more character) and characters with their display widths.
  static func tokens(_ text: String) -> [ANSIToken] {
    var tokens: [ANSIToken] = []
    var visible = String.UnicodeScalarView()
    func flushVisible() {
      for character in String(visible) {
        tokens.append(.character(character, width: CharacterWidth.of(character)))
      }
      visible.removeAll()
    }
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      guard scalars[index] == "\u{1B}" else {
        visible.append(scalars[index])
        index += 1
        continue
      }
      flushVisible()
      let end = escapeEnd(scalars, from: index)
      var sequence = String.UnicodeScalarView()
      sequence.append(contentsOf: scalars[index..<end])
      tokens.append(.escape(String(sequence)))
      index = end
    }
    flushVisible()
    return tokens
  }

  /// The index just past the escape sequence that starts with the ESC at start.
  private static func escapeEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start + 1
    guard index < scalars.count else { return index }
    switch scalars[index] {
    case "[":
      index += 1
      while index < scalars.count {
        let value = scalars[index].value
        index += 1
        if (0x40...0x7E).contains(value) { break }
      }
      return index
    case "]":
      index += 1
      while index < scalars.count {
        if scalars[index] == "\u{07}" { return index + 1 }
        if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" {
          return index + 2
        }
        index += 1
      }
      return index
    default:
      return index + 1
    }
  }
}
