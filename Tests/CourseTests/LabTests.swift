import Foundation
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

  @Test func cullingFavoursLRUOnSkewedTrafficAndRepeats() throws {
    func labFolders() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: Culling.scratchRoot())
        .filter { $0.hasPrefix("cachelings-lab-culling-") }
    }
    let before = try labFolders()
    let start = Date()
    let cpuStart = clock()  // CPU time: wall time on a shared 2-core machine measures the neighbours
    let report = Culling.run()
    let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
    #expect(Date().timeIntervalSince(start) < 10, "even on a busy machine")
    #expect(cpu < 2, "the lab must stay fast")
    #expect(report == Culling.run(), "seeded traffic and a seeded cull repeat exactly")
    #expect(report.xValues == [10, 20, 40, 80, 160, 320])
    #expect(report.series.map(\.name) == ["MemoryCache: LRU cull", "FileCache: random cull"])
    let (lru, random) = (report.series[0].values, report.series[1].values)
    #expect(zip(lru, lru.dropFirst()).allSatisfy { $0 < $1 }, "LRU hits more as it grows: \(lru)")
    #expect(zip(random, random.dropFirst()).allSatisfy { $0 < $1 }, "so does random cull: \(random)")
    for index in 0..<5 {
      #expect(lru[index] > random[index] + 2, "LRU beats random cull at small sizes: \(lru) \(random)")
    }
    let gaps = zip(lru, random).map { $0 - $1 }
    #expect(gaps.last! < gaps.max()! / 2, "the gap closes once the cache holds most reads: \(gaps)")
    #expect(report.findings[0].hasPrefix("At 20 entries the LRU cache hits"))
    #expect(lru.allSatisfy { $0 > 0 && $0 < 100 } && random.allSatisfy { $0 > 0 && $0 < 100 })
    #expect(report.table.count == 6 && report.table[0].label == "LRU, 20 entries")
    #expect(try labFolders() == before, "the file cache's folder is removed")
  }

  @Test func everySimulationHasAName() {
    #expect(Simulations.all.map(\.name) == ["hit-ratio-latency", "cache-aside-queries", "culling"])
    #expect(Simulations.named("cache-aside-queries") != nil && Simulations.named("nope") == nil)
  }
}
