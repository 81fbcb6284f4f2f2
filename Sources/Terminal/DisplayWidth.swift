/// Measures text as a terminal shows it, so padding and wrapping line up with colour codes and CJK.
public enum DisplayWidth {
  /// Columns the text takes on a terminal: ANSI escape sequences (CSI ... final byte, and OSC) count 0,
  /// East Asian Wide/Fullwidth and emoji count 2, combining marks/zero-width joiners/variation selectors count 0.
  public static func of(_ text: String) -> Int {
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    return ANSIToken.tokens(text).reduce(0) { total, token in
      if case .character(_, let width) = token { return total + width }
      return total
    }
  }

  /// Removes ANSI escape sequences.
  public static func stripped(_ text: String) -> String {
    guard text.unicodeScalars.contains("\u{1B}") else { return text }
    var result = ""
    for case .character(let character, _) in ANSIToken.tokens(text) {
      result.append(character)
    }
    return result
  }
}
