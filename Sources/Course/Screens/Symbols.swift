import Terminal

/// The few symbols the screens use, with ASCII stand-ins for terminals without Unicode.
struct Symbols {
  let right: String
  let wrong: String
  let bullet: String
  let dot: String

  init(_ theme: Theme) {
    right = theme.unicode ? "✓" : "+"
    wrong = theme.unicode ? "✗" : "x"
    bullet = theme.unicode ? "•" : "-"
    dot = theme.unicode ? "·" : "|"
  }
}
