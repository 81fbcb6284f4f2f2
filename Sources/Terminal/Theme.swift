/// What the output device can show: colour and styles, and box-drawing characters.
public struct Theme: Sendable, Equatable {
  /// Whether ANSI colour and style codes are written.
  public var color: Bool
  /// Whether box drawing and other non-ASCII symbols are used; false gives an ASCII fallback.
  public var unicode: Bool

  /// A theme with colour and Unicode set as given; see `detect` for deciding them from the environment.
  public init(color: Bool, unicode: Bool) {
    self.color = color
    self.unicode = unicode
  }

  /// No colour, Unicode symbols: what pipes and tests usually want.
  public static let plain = Theme(color: false, unicode: true)
}
