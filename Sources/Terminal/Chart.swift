/// Small text charts for the course's labs and benchmarks: sparklines, horizontal bars and line charts.
/// Their bodies live in Chart+Sparkline.swift, Chart+Bars.swift and Chart+Line.swift.
public enum Chart {
  /// The colours given to series and bars in turn when the theme has colour.
  static let palette: [Style] = [.cyan, .magenta, .yellow, .green, .blue, .red]

  /// The least and greatest finite values, or nil when there are none.
  static func range(_ values: [Double]) -> (min: Double, max: Double)? {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return nil }
    return (low, high)
  }
}
