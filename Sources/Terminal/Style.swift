/// A set of ANSI text attributes and at most one foreground colour, turned into SGR codes by `Theme.paint`.
public struct Style: OptionSet, Sendable, Hashable {
  /// One bit per member.
  public let rawValue: UInt32

  /// The style with the given members' bits.
  public init(rawValue: UInt32) {
    self.rawValue = rawValue
  }

  /// Bold or increased intensity (SGR 1).
  public static let bold = Style(rawValue: 1 << 0)
  /// Faint, decreased intensity (SGR 2).
  public static let dim = Style(rawValue: 1 << 1)
  /// Italic (SGR 3).
  public static let italic = Style(rawValue: 1 << 2)
  /// Underlined (SGR 4).
  public static let underline = Style(rawValue: 1 << 3)
  /// Red foreground (SGR 31).
  public static let red = Style(rawValue: 1 << 4)
  /// Green foreground (SGR 32).
  public static let green = Style(rawValue: 1 << 5)
  /// Yellow foreground (SGR 33).
  public static let yellow = Style(rawValue: 1 << 6)
  /// Blue foreground (SGR 34).
  public static let blue = Style(rawValue: 1 << 7)
  /// Magenta foreground (SGR 35).
  public static let magenta = Style(rawValue: 1 << 8)
  /// Cyan foreground (SGR 36).
  public static let cyan = Style(rawValue: 1 << 9)
  /// Gray, bright black, foreground (SGR 90).
  public static let gray = Style(rawValue: 1 << 10)

  /// The SGR parameters of each member, in the order they are written.
  private static let parameters: [(Style, String)] = [
    (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"),
    (.red, "31"), (.green, "32"), (.yellow, "33"), (.blue, "34"),
    (.magenta, "35"), (.cyan, "36"), (.gray, "90"),
  ]

  /// The escape sequence that switches this style on, e.g. `ESC[1;36m`; empty for the empty style.
  var openingSequence: String {
    let codes = Style.parameters.filter { contains($0.0) }.map(\.1)
    return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  /// The escape sequence that switches every style off.
  static let reset = "\u{1B}[0m"
}
