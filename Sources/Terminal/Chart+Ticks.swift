import Foundation

extension Chart {
  /// The x values under a line chart's axis: the x value of each sample, in the order of the series'
  /// values, and how to print one.
  public struct XTicks {
    public var values: [Double]
    public var format: (Double) -> String

    public init(values: [Double], format: @escaping (Double) -> String) {
      self.values = values
      self.format = format
    }
  }

  /// A y range around low...high whose bottom, middle and top are round numbers (steps of 1, 1.2, 1.5,
  /// 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), so a chart with an odd number of rows labels them 0, 60, 120 rather
  /// than 0, 56.6, 113.1.
  public static func roundRange(low: Double, high: Double) -> (low: Double, high: Double) {
    guard low.isFinite, high.isFinite, high > low else { return (low, high) }
    var step = roundStep(atLeast: (high - low) / 2)
    var bottom = (low / step).rounded(.down) * step
    while bottom + 2 * step < high {
      step = roundStep(atLeast: step * 1.0001)
      bottom = (low / step).rounded(.down) * step
    }
    return (bottom, bottom + 2 * step)
  }

  /// The smallest round step (as roundRange lists them) that is at least value.
  static func roundStep(atLeast value: Double) -> Double {
    let power = pow(10, log10(value).rounded(.down))
    for factor in [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where factor * power >= value * 0.999_999 {
      return factor * power
    }
    return 10 * power
  }

  /// The columns of round x values (0, 10, 20... rather than 0, 19.5, 39) with their labels, where the
  /// samples' x values are evenly spaced (the plot spaces samples evenly, so only then does a value have
  /// a column of its own); otherwise of the first, middle and last samples.
  static func tickLabels(_ ticks: XTicks, plotWidth: Int) -> [(column: Int, label: String)] {
    guard plotWidth > 2 else { return [] }
    if let first = ticks.values.first, let last = ticks.values.last, last > first, ticks.values.count > 1 {
      let spacing = (last - first) / Double(ticks.values.count - 1)
      let even = ticks.values.enumerated().allSatisfy {
        abs($0.element - (first + Double($0.offset) * spacing)) <= spacing * 0.001
      }
      if even { return roundTicks(first: first, last: last, format: ticks.format, plotWidth: plotWidth) }
    }
    let positions = resample(ticks.values, to: plotWidth)
    return [0, (plotWidth - 1) / 2, plotWidth - 1].compactMap { column in
      positions[column].map { (column, ticks.format($0)) }
    }
  }

  /// Ticks at the round values between first and last, about four steps apart.
  static func roundTicks(
    first: Double, last: Double, format: (Double) -> String, plotWidth: Int
  ) -> [(column: Int, label: String)] {
    let step = roundStep(atLeast: (last - first) / 4)
    var value = (first / step).rounded(.up) * step
    var labels: [(column: Int, label: String)] = []
    while value <= last + step * 0.000_001 {
      let column = Int(((value - first) / (last - first) * Double(plotWidth - 1)).rounded())
      labels.append((column, format(value)))
      value += step
    }
    return labels
  }

  /// Labels under their ticks: the first starting at its tick, the last ending at its tick, the others
  /// centred; a label that would touch the one before is left out.
  static func tickLine(_ ticks: [(column: Int, label: String)], plotWidth: Int) -> String {
    var line = ""
    for (index, tick) in ticks.enumerated() {
      let width = DisplayWidth.of(tick.label)
      let start: Int
      if index == 0 {
        start = tick.column
      } else if index == ticks.count - 1 {
        start = max(0, tick.column - width + 1)
      } else {
        start = max(0, tick.column - width / 2)
      }
      let used = DisplayWidth.of(line)
      guard start >= used + (used == 0 ? 0 : 1), start + width <= plotWidth else { continue }
      line += String(repeating: " ", count: start - used) + tick.label
    }
    return line
  }
}
