/// The SGR (colour and style) sequences in effect at a point in a text, so a line cut there can be
/// closed with a reset and the next line reopened with the same look.
struct SGRState {
  private(set) var active: [String] = []

  /// Takes an escape sequence into account: a reset clears the state, other SGR sequences add to it.
  mutating func apply(_ sequence: String) {
    guard sequence.hasPrefix("\u{1B}["), sequence.hasSuffix("m") else { return }
    if SGRState.isReset(sequence) {
      active.removeAll()
    } else {
      active.append(sequence)
    }
  }

  /// Whether sequence is `ESC[0m` or `ESC[m`, which switch every style off.
  static func isReset(_ sequence: String) -> Bool {
    sequence == "\u{1B}[0m" || sequence == "\u{1B}[m"
  }

  /// Whether any style is on.
  var isStyled: Bool { !active.isEmpty }

  /// The sequences that bring the current style back at the start of a new line.
  var reopening: String { active.joined() }
}
