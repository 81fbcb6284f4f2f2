extension Chart {
  /// Horizontal bars: "label │█████▌     value" per row, labels padded to the longest, bars scaled to the largest value so the whole line fits width; eighth-block partial bars with unicode, '#' without; format turns a value into its printed text.
  /// Values are right-aligned; negative values draw no bar; with colour the bars are cyan.
  public static func bars(
    _ rows: [(label: String, value: Double)], width: Int, theme: Theme, format: (Double) -> String
  ) -> [String] {
    guard !rows.isEmpty else { return [] }
    let texts = rows.map { format($0.value) }
    let valueWidth = texts.map(DisplayWidth.of).max() ?? 0
    let minimumBar = 4
    let labelRoom = max(1, width - 3 - valueWidth - minimumBar)
    let ellipsis = TextLayout.ellipsis(theme)
    let labels = rows.map { TextLayout.truncate($0.label, to: labelRoom, ellipsis: ellipsis) }
    let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
    let barWidth = max(1, width - labelWidth - 3 - valueWidth)
    let largest = rows.map(\.value).filter(\.isFinite).max() ?? 0
    let separator = theme.unicode ? "│" : "|"
    return zip(rows, zip(labels, texts)).map { row, labelAndText in
      let fraction = largest > 0 && row.value.isFinite ? max(0, row.value) / largest : 0
      let bar = barText(fraction: fraction, width: barWidth, unicode: theme.unicode)
      return TextLayout.pad(labelAndText.0, to: labelWidth) + " " + separator
        + theme.paint(bar, .cyan) + String(repeating: " ", count: barWidth - DisplayWidth.of(bar)) + " "
        + TextLayout.pad(labelAndText.1, to: valueWidth, .right)
    }
  }

  /// A bar of fraction × width columns, in whole and eighth blocks or in '#'.
  static func barText(fraction: Double, width: Int, unicode: Bool) -> String {
    guard unicode else {
      return String(repeating: "#", count: Int((fraction * Double(width)).rounded()))
    }
    let eighths = Int((fraction * Double(width * 8)).rounded())
    let partials = Array("▏▎▍▌▋▊▉")
    var bar = String(repeating: "█", count: eighths / 8)
    if eighths % 8 > 0 { bar.append(partials[eighths % 8 - 1]) }
    return bar
  }
}
