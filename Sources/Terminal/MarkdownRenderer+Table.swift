extension MarkdownRenderer {
  /// A pipe table in a frame of box-drawing (or ASCII) characters, header bold; when it is wider than
  /// width the widest columns are narrowed one column at a time and their cells wrapped.
  func table(_ table: MarkdownTable, width: Int, base: Style) -> [String] {
    let glyphs = theme.unicode ? BoxGlyphs.unicode : BoxGlyphs.ascii
    let header = table.header.map { inline($0, base.union(.bold)) }
    let rows = table.rows.map { $0.map { inline($0, base) } }
    let columns = table.alignments.count
    var widths = (0..<columns).map { column in
      max(1, ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 1)
    }
    let available = width - (3 * columns + 1)
    while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
      widths[widest] > 1
    {
      widths[widest] -= 1
    }
    func rule(_ left: String, _ middle: String, _ right: String) -> String {
      left + widths.map { String(repeating: glyphs.horizontal, count: $0 + 2) }.joined(separator: middle)
        + right
    }
    func rowLines(_ cells: [String]) -> [String] {
      let wrapped = cells.enumerated().map { column, cell in wrap(cell, width: widths[column]) }
      let height = wrapped.map(\.count).max() ?? 1
      return (0..<height).map { line in
        let parts = wrapped.enumerated().map { column, cellLines in
          TextLayout.pad(
            line < cellLines.count ? cellLines[line] : "", to: widths[column], table.alignments[column])
        }
        return glyphs.vertical + " " + parts.joined(separator: " " + glyphs.vertical + " ") + " "
          + glyphs.vertical
      }
    }
    var lines = [rule(glyphs.topLeft, glyphs.topTee, glyphs.topRight)]
    lines += rowLines(header)
    lines.append(rule(glyphs.leftTee, glyphs.cross, glyphs.rightTee))
    for row in rows { lines += rowLines(row) }
    lines.append(rule(glyphs.bottomLeft, glyphs.bottomTee, glyphs.bottomRight))
    return lines
  }
}
