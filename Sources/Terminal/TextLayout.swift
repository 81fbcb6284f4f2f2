/// Padding and cutting of terminal text by display width, keeping ANSI codes intact.
public enum TextLayout {
  /// Where padding goes when text is narrower than its column.
  public enum Alignment: Equatable, Sendable {
    case left, center, right
  }

  /// Text padded with spaces to width columns; text already as wide or wider comes back unchanged.
  public static func pad(_ text: String, to width: Int, _ alignment: Alignment = .left) -> String {
    let missing = width - DisplayWidth.of(text)
    guard missing > 0 else { return text }
    switch alignment {
    case .left: return text + String(repeating: " ", count: missing)
    case .right: return String(repeating: " ", count: missing) + text
    case .center:
      let left = missing / 2
      return String(repeating: " ", count: left) + text + String(repeating: " ", count: missing - left)
    }
  }

  /// Text cut to at most width columns, ending in ellipsis when cut; an open style is closed after it.
  public static func truncate(_ text: String, to width: Int, ellipsis: String) -> String {
    guard DisplayWidth.of(text) > width else { return text }
    let room = max(0, width - DisplayWidth.of(ellipsis))
    var result = ""
    var used = 0
    var state = SGRState()
    scan: for token in ANSIToken.tokens(text) {
      switch token {
      case .escape(let sequence):
        state.apply(sequence)
        result += sequence
      case .character(let character, let width):
        guard used + width <= room else { break scan }
        used += width
        result.append(character)
      }
    }
    return result + ellipsis + (state.isStyled ? Style.reset : "")
  }

  /// The ellipsis for the theme: "…" with Unicode, "..." without.
  public static func ellipsis(_ theme: Theme) -> String {
    theme.unicode ? "…" : "..."
  }

  /// Tabs replaced by spaces up to the next multiple of four columns.
  static func expandTabs(_ line: String) -> String {
    guard line.contains("\t") else { return line }
    var result = ""
    var column = 0
    for character in line {
      if character == "\t" {
        let spaces = 4 - column % 4
        result += String(repeating: " ", count: spaces)
        column += spaces
      } else {
        result.append(character)
        column += CharacterWidth.of(character)
      }
    }
    return result
  }
}
