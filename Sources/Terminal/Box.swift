/// Frames of box-drawing characters around rendered text, for panels such as a lesson's exercise.
public enum Box {
  /// A frame around already-rendered lines: ┌─ title ─┐ │ … │ └──┘ with unicode, +- title -+ | … | +--+ without; total width columns; content lines padded by DisplayWidth.
  /// The frame and title are painted with style (the title also bold); a title too long for the top line
  /// goes on, wrapped between words, in the first lines inside; a line wider than the inside is soft-wrapped (`CodeLineWrap`), never cut.
  public static func render(
    title: String?, lines: [String], width: Int, theme: Theme, style: Style = []
  ) -> [String] {
    let width = max(width, 6)
    let glyphs = theme.unicode ? BoxGlyphs.unicode : BoxGlyphs.ascii
    let inner = width - 4
    var top = glyphs.topLeft
    var titleRest: [String] = []
    if let title, !title.isEmpty {
      let titleLines = wrap(title, width: width - 6)
      let shown = titleLines[0]
      titleRest = titleLines.dropFirst().map { theme.paint($0, style.union(.bold)) }
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
    let marker = CodeLineWrap.marker(theme)
    let body = (titleRest + lines).flatMap { CodeLineWrap.wrap($0, width: inner, marker: marker) }.map {
      line in
      side + " " + TextLayout.pad(line, to: inner) + " " + side
    }
    let bottom = theme.paint(
      glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: width - 2) + glyphs.bottomRight, style)
    return [top] + body + [bottom]
  }
}
