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
  /// The terminal's rows, for screens that page what does not fit; nil where nothing needs paging (a
  /// pipe, or a test that reads the whole output).
  public var height: Int?
  /// Whether lists and tables follow width; false for output into a pipe or file, which is left whole.
  public var followsWidth: Bool

  public init(
    theme: Theme, width: Int, isInteractive: Bool, write: @escaping (String) -> Void,
    readKey: @escaping () -> Key? = { nil }, readLine: @escaping () -> String? = { nil }, height: Int? = nil,
    followsWidth: Bool = true
  ) {
    self.height = height
    self.followsWidth = followsWidth
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

  /// A line wrapped between words to width when the output follows it (a terminal), else left whole; a
  /// line that fits is kept as it is, and a wrapped one keeps its leading spaces, with indent on the
  /// lines after the first.
  public func fit(_ line: String, indent: String = "") -> [String] {
    guard followsWidth, DisplayWidth.of(line) > width else { return [line] }
    let leading = String(line.prefix { $0 == " " })
    return wrap(String(line.dropFirst(leading.count)), width: width, firstIndent: leading, indent: indent)
  }

  /// Inline Markdown (code, emphasis) in one line of text, painted as question text is, unwrapped; style
  /// is kept around and under the code.
  public func inline(_ text: String, _ style: Style = []) -> String {
    MarkdownRenderer(width: width, theme: theme).inlineLine(text, style: style)
  }

  public func paint(_ text: String, _ style: Style) -> String { theme.paint(text, style) }

  /// Renders Markdown at the console's width.
  public func markdown(_ text: String) -> [String] {
    MarkdownRenderer(width: width, theme: theme).renderLines(text)
  }

  /// A dim line of key help, such as "n next · b back · q quit"; wrapped between items when it is
  /// wider than the console, never inside one.
  public func keyHelp(_ items: [String]) -> String {
    let separator = theme.unicode ? " · " : " | "
    var lines: [String] = []
    var line = ""
    for item in items {
      let joined = line.isEmpty ? item : line + separator + item
      if !line.isEmpty && DisplayWidth.of(joined) > width {
        lines.append(line)
        line = item
      } else {
        line = joined
      }
    }
    lines.append(line)
    return lines.map { paint($0, .dim) }.joined(separator: "\n")
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
