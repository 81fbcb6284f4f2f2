extension Theme {
  /// Wraps text in the ANSI codes of style; returns text unchanged when color is false or style is empty.
  public func paint(_ text: String, _ style: Style) -> String {
    guard color, !style.isEmpty, !text.isEmpty else { return text }
    return style.openingSequence + text + Style.reset
  }
}
