/// Average latency of a 2 ms cache in front of a 200 ms query as the hit ratio grows: c + (1 - h) x s, a
/// straight line, where each point of hit ratio saves the same time but the last points cut what is left most.
enum HitRatioLatency {
  static let cacheMilliseconds = 2.0
  static let sourceMilliseconds = 200.0

  static func average(hitRatio h: Double) -> Double {
    h * cacheMilliseconds + (1 - h) * (cacheMilliseconds + sourceMilliseconds)
  }

  @Sendable static func run() -> LabReport {
    let ratios = stride(from: 0.0, through: 100.0, by: 5.0).map { $0 }
    let averages = ratios.map { average(hitRatio: $0 / 100) }
    let picked: [Double] = [0, 50, 80, 90, 95, 99]
    return LabReport(
      title: "Average latency by hit ratio (cache 2 ms, query 200 ms)", xLabel: "hit ratio (%)", yUnit: "ms",
      xValues: ratios, series: [("average latency", averages)],
      table: picked.map { ("\(Int($0))% hits", average(hitRatio: $0 / 100)) },
      findings: [
        "Each point of hit ratio saves the same \(format(sourceMilliseconds / 100)) ms: the line is straight.",
        "Measured against what is left, the last points count most: 90% to 99% takes the average from "
          + "\(format(average(hitRatio: 0.9))) ms to \(format(average(hitRatio: 0.99))) ms, "
          + "\(format(average(hitRatio: 0.9) / average(hitRatio: 0.99)))x faster.",
        "At 99% hits the database sees 1 request in 100.",
      ])
  }

  static func format(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
