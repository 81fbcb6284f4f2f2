import Testing

@testable import Course

@Suite struct LabTests {
  @Test func hitRatioLatencyFollowsTheCostModel() {
    let report = HitRatioLatency.run()
    #expect(report.xValues.first == 0 && report.xValues.last == 100 && report.xValues.count == 21)
    #expect(report.series[0].values.first == 202 && report.series[0].values.last == 2)
    #expect(abs(HitRatioLatency.average(hitRatio: 0.9) - 22) < 1e-9)
    #expect(report.findings[0] == "Each point of hit ratio saves the same 2 ms: the line is straight.")
    #expect(report.findings[1].hasSuffix("takes the average from 22 ms to 4 ms, 5.5x faster."))
  }

  @Test func cacheAsideQueriesIsRepeatableAndWarmsUp() {
    let report = CacheAsideQueries.run()
    #expect(report == CacheAsideQueries.run())
    let with = report.series[1].values
    #expect(with.count == 60 && report.series[0].values.allSatisfy { $0 == 200 })
    #expect(with[0] > 100, "a cold cache misses most of the first second")
    #expect(with[20] < with[0] / 3, "a warm cache takes most requests")
    #expect(with.reduce(0, +) < 60 * 200 / 3)
  }

  @Test func everySimulationHasAName() {
    #expect(Simulations.all.map(\.name) == ["hit-ratio-latency", "cache-aside-queries"])
    #expect(Simulations.named("cache-aside-queries") != nil && Simulations.named("nope") == nil)
  }
}
