/// Average latency of a 2 ms cache in front of a 200 ms query as the hit ratio grows: a miss pays for the
/// lookup and the query, so the curve only drops steeply near 100%.
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
        "Going from 0% to 50% hits saves \(format(average(hitRatio: 0) - average(hitRatio: 0.5))) ms per request.",
        "Going from 90% to 99% saves \(format(average(hitRatio: 0.9) - average(hitRatio: 0.99))) ms more: "
          + "the last misses are where the time goes.",
        "At 99% hits the database sees 1 request in 100: load drops a hundredfold, latency about \(format(average(hitRatio: 0) / average(hitRatio: 0.99)))x.",
      ])
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
  }
}
