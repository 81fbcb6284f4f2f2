extension Chart {
  /// A small line chart of one or more series on a shared y axis: height rows of plot plus an x axis line and the legend (on more lines when it is wider than width); y labels on the left (max and min and middle, printed with format); each series drawn with its own glyph (•, ×, ◦, + / ASCII *, x, o, +) and, with colour, its own colour; points between samples are resampled to the plot width.
  /// The middle label names the value of the middle row exactly; later series draw over earlier ones.
  /// With `steps`, each sample is a bucket of its own (counts per second, say): a column shows the nearest
  /// sample and nothing is interpolated, so a one-bucket spike draws no slope into its neighbours.
  public static func line(
    _ series: [(name: String, values: [Double])], width: Int, height: Int, theme: Theme,
    yRange: (low: Double, high: Double)? = nil, xTicks: XTicks? = nil, steps: Bool = false,
    format: (Double) -> String
  ) -> [String] {
    let height = max(2, height)
    let glyphs = theme.unicode ? ["•", "×", "◦", "+"] : ["*", "x", "o", "+"]
    let (low, high) = yRange ?? range(series.flatMap(\.values)) ?? (0, 0)
    let middleRow = (height - 1) / 2
    func value(ofRowFromTop row: Int) -> Double {
      low + (high - low) * Double(height - 1 - row) / Double(height - 1)
    }
    let labels = [
      0: format(high), middleRow: format(value(ofRowFromTop: middleRow)), height - 1: format(low),
    ]
    let labelWidth = labels.values.map(DisplayWidth.of).max() ?? 0
    let plotWidth = max(2, width - labelWidth - 2)

    var cells = Array(
      repeating: Array(repeating: (glyph: " ", style: Style()), count: plotWidth), count: height)
    for (index, entry) in series.enumerated() {
      let glyph = (glyph: glyphs[index % glyphs.count], style: palette[index % palette.count])
      let samples = steps ? nearest(entry.values, to: plotWidth) : resample(entry.values, to: plotWidth)
      for (column, sample) in samples.enumerated() {
        guard let sample else { continue }
        let scaled = high > low ? (sample - low) / (high - low) * Double(height - 1) : Double(middleRow)
        let rowFromBottom = high > low ? Int(scaled.rounded()) : height - 1 - middleRow
        cells[height - 1 - rowFromBottom][column] = glyph
      }
    }

    var lines: [String] = []
    for (row, rowCells) in cells.enumerated() {
      let label = labels[row]
      let axis = theme.unicode ? (label == nil ? "│" : "┤") : (label == nil ? "|" : "+")
      let used = rowCells.lastIndex { $0.glyph != " " }.map { paintRuns(rowCells[...$0], theme) } ?? ""
      lines.append(TextLayout.pad(label ?? "", to: labelWidth, .right) + " " + axis + used)
    }
    let corner = theme.unicode ? "└" : "+"
    let horizontal = theme.unicode ? "─" : "-"
    var axisLine = Array(repeating: horizontal, count: plotWidth)
    let ticks = xTicks.map { tickLabels($0, plotWidth: plotWidth) } ?? []
    for (column, _) in ticks { axisLine[column] = theme.unicode ? "┬" : "+" }
    lines.append(String(repeating: " ", count: labelWidth + 1) + corner + axisLine.joined())
    if !ticks.isEmpty {
      lines.append(String(repeating: " ", count: labelWidth + 2) + tickLine(ticks, plotWidth: plotWidth))
    }
    let legend = series.enumerated().map { index, entry in
      theme.paint(glyphs[index % glyphs.count], palette[index % palette.count]) + " " + entry.name
    }
    return lines + legendLines(legend, indent: String(repeating: " ", count: labelWidth + 2), width: width)
  }

  /// The legend's entries on as few lines as fit width, two spaces apart, a line broken between
  /// entries (inside one only when it alone is too wide), so no name is cut.
  static func legendLines(_ entries: [String], indent: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for entry in entries {
      let joined = line.isEmpty ? entry : line + "  " + entry
      if !line.isEmpty && DisplayWidth.of(indent + joined) > width {
        lines.append(line)
        line = entry
      } else {
        line = joined
      }
    }
    lines.append(line)
    return lines.flatMap { line in
      DisplayWidth.of(indent + line) <= width
        ? [indent + line] : wrap(line, width: max(width, 1), firstIndent: indent, indent: indent + "  ")
    }
  }

  /// Cells joined, each run of one style painted once.
  private static func paintRuns(_ cells: ArraySlice<(glyph: String, style: Style)>, _ theme: Theme) -> String
  {
    var result = ""
    var run = ""
    var style = Style()
    for cell in cells {
      if cell.style != style && !run.isEmpty {
        result += theme.paint(run, style)
        run = ""
      }
      style = cell.style
      run += cell.glyph
    }
    return result + theme.paint(run, style)
  }

  /// Values at count evenly spaced positions, interpolated linearly between samples; nil where a sample is not finite.
  /// When there are at least as many positions as samples, the position nearest each sample shows that sample
  /// exactly, so a one-sample spike reaches its true height instead of being cut down by interpolation.
  static func resample(_ values: [Double], to count: Int) -> [Double?] {
    guard !values.isEmpty else { return [] }
    guard values.count > 1 else {
      return Array(repeating: values[0].isFinite ? values[0] : nil, count: count)
    }
    var result: [Double?] = (0..<count).map { column in
      let position = count > 1 ? Double(column) * Double(values.count - 1) / Double(count - 1) : 0
      let lower = Int(position.rounded(.down))
      let upper = min(lower + 1, values.count - 1)
      let fraction = position - Double(lower)
      let result = values[lower] + (values[upper] - values[lower]) * fraction
      return result.isFinite ? result : nil
    }
    guard count >= values.count else { return result }
    for (index, value) in values.enumerated() {
      let column = Int((Double(index) * Double(count - 1) / Double(values.count - 1)).rounded())
      result[column] = value.isFinite ? value : nil
    }
    return result
  }

  /// Values at count evenly spaced positions, each the nearest sample's; nil where that sample is not finite.
  static func nearest(_ values: [Double], to count: Int) -> [Double?] {
    guard !values.isEmpty else { return [] }
    return (0..<count).map { column in
      let position = count > 1 ? Double(column) * Double(values.count - 1) / Double(count - 1) : 0
      let sample = values[Int(position.rounded())]
      return sample.isFinite ? sample : nil
    }
  }
}
