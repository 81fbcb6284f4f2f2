extension Chart {
  /// One line of ▁▂▃▄▅▆▇█ scaled between the minimum and maximum (ASCII fallback: " .:-=+*#"); empty input gives "".
  /// All-equal values sit at the middle level; values that are not finite show as a space.
  public static func sparkline(_ values: [Double], theme: Theme) -> String {
    let levels = Array(theme.unicode ? "▁▂▃▄▅▆▇█" : " .:-=+*#")
    guard let (low, high) = range(values) else { return String(repeating: " ", count: values.count) }
    return String(
      values.map { value -> Character in
        guard value.isFinite else { return " " }
        guard high > low else { return levels[(levels.count - 1) / 2] }
        let level = ((value - low) / (high - low) * Double(levels.count - 1)).rounded()
        return levels[Int(level)]
      })
  }
}
