/// Renders the course's Markdown for a terminal of a given width, in colour or plain, with Unicode or ASCII.
/// Blocks are separated by one blank line. Fenced code is indented by two spaces; a code line too wide
/// for the terminal is soft-wrapped at a space with a continuation marker (`CodeLineWrap`), never cut;
/// with colour, Swift and Python code is highlighted.
public struct MarkdownRenderer: Sendable {
  /// The widest line rendered, in columns.
  public let width: Int
  /// Whether colour and Unicode symbols are used.
  public let theme: Theme

  /// A renderer for width columns (at least 1) and theme.
  public init(width: Int, theme: Theme) {
    self.width = max(1, width)
    self.theme = theme
  }

  /// Renders Markdown for the terminal: the returned lines, none wider than width (code lines are soft-wrapped, see `CodeLineWrap`).
  public func renderLines(_ markdown: String) -> [String] {
    renderBlocks(MarkdownBlockParser.parse(markdown), width: width, base: [])
  }

  /// renderLines joined with "\n" plus a final "\n".
  public func render(_ markdown: String) -> String {
    renderLines(markdown).joined(separator: "\n") + "\n"
  }

  /// Blocks one after another with a blank line between; in a list item (tight) a nested list follows
  /// the text before it directly.
  func renderBlocks(_ blocks: [MarkdownBlock], width: Int, base: Style, tight: Bool = false) -> [String] {
    var lines: [String] = []
    for (number, block) in blocks.enumerated() {
      var attached = false
      if tight, case .list = block { attached = true }
      if number > 0 && !attached { lines.append("") }
      lines += renderBlock(block, width: width, base: base)
    }
    return lines
  }

  func renderBlock(_ block: MarkdownBlock, width: Int, base: Style) -> [String] {
    switch block {
    case .heading(let level, let text):
      return heading(level: level, text: text, width: width, base: base)
    case .paragraph(let text):
      return wrap(inline(text, base), width: width)
    case .code(let language, let lines):
      return code(language: language, lines: lines, width: width)
    case .list(let list):
      return self.list(list, width: width, base: base)
    case .quote(let blocks):
      let bar = theme.paint(theme.unicode ? "│" : "|", .dim)
      return renderBlocks(blocks, width: width - 2, base: base.union(.italic)).map {
        $0.isEmpty ? bar : bar + " " + $0
      }
    case .table(let table):
      return self.table(table, width: width, base: base)
    case .rule:
      return [theme.paint(String(repeating: theme.unicode ? "─" : "-", count: width), .gray)]
    }
  }

  /// h1 bold with a double rule under it as wide as the title, h2 bold cyan, h3 to h6 bold.
  private func heading(level: Int, text: String, width: Int, base: Style) -> [String] {
    let style: Style = level == 2 ? [.bold, .cyan] : .bold
    let lines = wrap(inline(text, base.union(style)), width: width)
    guard level == 1 else { return lines }
    let ruleWidth = min(width, lines.map(DisplayWidth.of).max() ?? 0)
    return lines + [theme.paint(String(repeating: theme.unicode ? "═" : "=", count: ruleWidth), .bold)]
  }

  private func code(language: String?, lines: [String], width: Int) -> [String] {
    let trimmed = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    var painted = trimmed
    if theme.color, let language = CodeHighlighter.Language(name: language) {
      painted = CodeHighlighter.highlight(trimmed, language: language, theme: theme)
    }
    let marker = CodeLineWrap.marker(theme)
    return zip(trimmed, painted).flatMap { plain, line in
      plain.isEmpty ? [""] : CodeLineWrap.wrap("  " + line, width: width, marker: marker)
    }
  }

  /// Items with their marker (• or - for bullets, right-aligned numbers) and their blocks indented under the text.
  private func list(_ list: MarkdownList, width: Int, base: Style) -> [String] {
    let markers = list.items.indices.map { index in
      list.ordered ? "\(list.start + index)." : (theme.unicode ? "•" : "-")
    }
    let markerWidth = (markers.map(DisplayWidth.of).max() ?? 1) + 1
    let padding = String(repeating: " ", count: markerWidth)
    var lines: [String] = []
    for (marker, item) in zip(markers, list.items) {
      let content = renderBlocks(item, width: width - markerWidth, base: base, tight: true)
      let first = theme.paint(TextLayout.pad(marker, to: markerWidth - 1, .right), base)
      lines.append(content.first.map { first + " " + $0 } ?? first)
      lines += content.dropFirst().map { $0.isEmpty ? "" : padding + $0 }
    }
    return lines
  }
}
