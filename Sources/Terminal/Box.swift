/// Frames of box-drawing characters around rendered text, for panels such as a lesson's exercise.
public enum Box {
  /// A frame around already-rendered lines: ┌─ title ─┐ │ … │ └──┘ with unicode, +- title -+ | … | +--+ without; total width columns; content lines padded by DisplayWidth.
  /// The frame and title are painted with style (the title also bold); lines wider than the inside are cut with an ellipsis.
  public static func render(
    title: String?, lines: [String], width: Int, theme: Theme, style: Style = []
  ) -> [String] {
    let width = max(width, 6)
    let glyphs = theme.unicode ? BoxGlyphs.unicode : BoxGlyphs.ascii
    let inner = width - 4
    var top = glyphs.topLeft
    if let title, !title.isEmpty {
      let shown = TextLayout.truncate(title, to: width - 6, ellipsis: TextLayout.ellipsis(theme))
      let rest = width - 5 - DisplayWidth.of(shown)
      top =
        theme.paint(glyphs.topLeft + glyphs.horizontal + " ", style)
        + theme.paint(shown, style.union(.bold))
        + theme.paint(" " + String(repeating: glyphs.horizontal, count: rest) + glyphs.topRight, style)
    } else {
      top = theme.paint(
        glyphs.topLeft + String(repeating: glyphs.horizontal, count: width - 2) + glyphs.topRight, style)
    }
    let side = theme.paint(glyphs.vertical, style)
    let body = lines.map { line in
      let cut = TextLayout.truncate(line, to: inner, ellipsis: TextLayout.ellipsis(theme))
      return side + " " + TextLayout.pad(cut, to: inner) + " " + side
    }
    let bottom = theme.paint(
      glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: width - 2) + glyphs.bottomRight, style)
    return [top] + body + [bottom]
  }
}
