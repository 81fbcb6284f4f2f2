import Terminal

/// Where the course's screens write and how they read the learner's answers: keys from a raw-mode
/// terminal, or whole lines when input is a pipe. Tests build one from a script of keys or lines.
public struct Console {
  public var theme: Theme
  public var width: Int
  /// Whether keys can be read one at a time (a terminal in raw mode); otherwise answers are lines.
  public var isInteractive: Bool
  public var write: (String) -> Void
  public var readKey: () -> Key?
  public var readLine: () -> String?

  public init(
    theme: Theme, width: Int, isInteractive: Bool, write: @escaping (String) -> Void,
    readKey: @escaping () -> Key? = { nil }, readLine: @escaping () -> String? = { nil }
  ) {
    self.theme = theme
    self.width = width
    self.isInteractive = isInteractive
    self.write = write
    self.readKey = readKey
    self.readLine = readLine
  }

  /// Writes lines, each ended by a newline.
  public func print(_ lines: [String]) {
    write(lines.map { $0 + "\n" }.joined())
  }

  public func print(_ line: String = "") {
    write(line + "\n")
  }

  /// Clears the screen and moves to the top, on a terminal only.
  public func clearScreen() {
    if isInteractive { write("\u{1B}[2J\u{1B}[H") }
  }

  public func paint(_ text: String, _ style: Style) -> String { theme.paint(text, style) }

  /// Renders Markdown at the console's width.
  public func markdown(_ text: String) -> [String] {
    MarkdownRenderer(width: width, theme: theme).renderLines(text)
  }

  /// A dim line of key help, such as "n next · b back · q quit".
  public func keyHelp(_ items: [String]) -> String {
    paint(items.joined(separator: theme.unicode ? " · " : " | "), .dim)
  }

  /// Waits for a key that `accept` maps to a value; other keys are ignored. nil at end of input.
  public func waitFor<T>(_ accept: (Key) -> T?) -> T? {
    while let key = readKey() {
      if let value = accept(key) { return value }
    }
    return nil
  }

  /// Asks a question answered by a line; nil at end of input.
  public func ask(_ prompt: String) -> String? {
    write(prompt)
    return readLine()
  }
}
