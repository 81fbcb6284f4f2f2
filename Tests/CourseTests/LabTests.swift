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

  @Test func ttlStalenessReplaysAHandWorkedTimeline() {
    typealias Event = TTLStaleness.Event
    // Item 0 is read at 0 s (a miss that caches revision 0), edited at 5 s, read at 8 s and at 13 s.
    let events = [
      Event(time: 0, item: 0, isWrite: false), Event(time: 5, item: 0, isWrite: true),
      Event(time: 8, item: 0, isWrite: false), Event(time: 13, item: 0, isWrite: false),
    ]
    let long = TTLStaleness.simulate(ttl: 20, events: events, countingFrom: 0)
    #expect(long == .init(ttl: 20, reads: 3, hits: 2, staleReads: 2), "both later reads get revision 0")
    let short = TTLStaleness.simulate(ttl: 10, events: events, countingFrom: 0)
    #expect(short == .init(ttl: 10, reads: 3, hits: 1, staleReads: 1), "the copy expires at 10 s")
    let tiny = TTLStaleness.simulate(ttl: 4, events: events, countingFrom: 0)
    #expect(tiny == .init(ttl: 4, reads: 3, hits: 0, staleReads: 0), "every read misses and reads revision 1")
    let warm = TTLStaleness.simulate(ttl: 20, events: events, countingFrom: 10)
    #expect(
      warm == .init(ttl: 20, reads: 1, hits: 1, staleReads: 1), "reads before the warm-up are not counted")
  }

  @Test func ttlStalenessTradesHitsForStaleReadsAsTheTTLGrows() {
    let events = TTLStaleness.workload()
    #expect(events == TTLStaleness.workload(), "seeded: the same workload every run")
    #expect(events.count > 25_000 && events.filter(\.isWrite).count > 300)
    let minute = TTLStaleness.simulate(ttl: 60, events: events)
    #expect(minute == TTLStaleness.simulate(ttl: 60, events: events), "a replay has no randomness")
    let report = TTLStaleness.run()
    #expect(report.series[0].values[6] == TTLStaleness.percent(minute.hitRate))
    let ttls = report.xValues
    #expect(ttls.count == 13 && ttls.first == 1 && ttls[6] == 60 && ttls.last == 3600)
    for (shorter, longer) in zip(ttls, ttls.dropFirst()) {
      #expect(longer / shorter > 1.6 && longer / shorter < 2.4, "log-spaced: \(shorter) to \(longer)")
    }
    #expect(report.series.map(\.name) == ["hit rate", "stale reads"])
    let (hits, stale) = (report.series[0].values, report.series[1].values)
    #expect(zip(hits, hits.dropFirst()).allSatisfy { $0 < $1 }, "a longer TTL always hits more: \(hits)")
    #expect(
      zip(stale, stale.dropFirst()).allSatisfy { $0 <= $1 }, "and never serves less stale data: \(stale)")
    #expect(zip(hits, stale).allSatisfy { 0 <= $1 && $1 <= $0 && $0 <= 100 }, "a stale read is a hit")
    #expect(hits[0] > 2 && hits[0] < 25, "1 s: only the most popular items hit")
    #expect(stale[0] < 0.1, "1 s: an edit is almost never read from a copy")
    #expect(hits[6] > 50 && hits[6] < 85 && stale[6] > 0.1 && stale[6] < 2)
    #expect(hits[12] > 95 && stale[12] > 15 && stale[12] < 60)
    #expect(report.table.map(\.label).first == "hits, TTL 1 s" && report.table.count == 6)
    #expect(report.findings[0].hasPrefix("Hit rate: 9.5% at 1 s, 68.1% at 60 s, 98.6% at 1 h."))
    #expect(report.findings[1].hasPrefix("Stale reads: 0% at 1 s, 0.7% at 60 s, 32.6% at 1 h."))
  }

  /// A hang guard, not a speed test: speed is for benchmarks, and clock() here counts every test
  /// running beside this one in the process.
  @Test(.timeLimit(.minutes(5))) func cullingFavoursLRUOnSkewedTrafficAndRepeats() throws {
    func labFolders() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: Culling.scratchRoot())
        .filter { $0.hasPrefix("cachelings-lab-culling-") }
    }
    let before = try labFolders()
    let report = Culling.run()
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

  @Test func shardingMovesWhatEachSchemePromises() {
    let keys = Sharding.keys(4_000)
    let modulo = Sharding.moves(.modulo, keys: keys)
    let ring = Sharding.moves(.ring, keys: keys)
    let rendezvous = Sharding.moves(.rendezvous, keys: keys)
    // Under hash % n a key stays on the join exactly when h % 4 == h % 5, that is when h % 20 < 4.
    let staying = keys.filter { Sharding.hashWord($0) % 20 < 4 }.count
    #expect(modulo.joined == Sharding.percent(keys.count - staying, keys.count))
    #expect(modulo.joined > 77 && modulo.joined < 83 && !modulo.onlyToTheNewServer, "\(modulo)")
    #expect(modulo.failed > 75, "losing the third of five reshuffles nearly everything: \(modulo)")
    for moves in [ring, rendezvous] {
      #expect(moves.joined > 16 && moves.joined < 24, "about a fifth moves: \(moves)")
      #expect(moves.onlyToTheNewServer, "and only to the new server: \(moves)")
      #expect(moves.failed > 16 && moves.failed < 24, "only the failed server's keys move: \(moves)")
    }
    #expect(
      rendezvous == Sharding.moves(.rendezvous, keys: keys), "placement is a pure function of the names")
  }

  @Test func shardingReportsEveryScheme() {
    let report = Sharding.run()
    #expect(report.table.count == 6 && report.table[0].label == "hash % n: a 5th joins 4")
    #expect(report.table[0].value > 78 && report.table[0].value < 82, "\(report.table)")
    #expect(report.table[1...2].allSatisfy { $0.value > 18 && $0.value < 22 }, "\(report.table)")
    #expect(report.findings[0].hasSuffix("4 of every 20 values of h, so 80% move."))
    #expect(
      report.findings[1].hasSuffix(
        "went to the new server: it takes its fair share, a fifth, and nothing else changes."))
  }

  @Test func everySimulationHasAName() {
    #expect(
      Simulations.all.map(\.name) == [
        "hit-ratio-latency", "cache-aside-queries", "ttl-staleness", "culling", "local-vs-shared", "stampede",
        "sharding", "two-level",
      ])
    #expect(Simulations.named("cache-aside-queries") != nil && Simulations.named("nope") == nil)
  }

  @Test func stampedePeaksAsWorkedOutForEachStrategy() {
    let report = Stampede.run()
    #expect(report == Stampede.run(), "seeded: the same figures every run")
    #expect(report.series.map(\.name) == ["no protection", "lock with add", "early refresh (XFetch)"])
    #expect(report.xValues.count == 40 && report.series.allSatisfy { $0.values.count == 40 })
    let outcomes = Stampede.outcomes()
    let none = outcomes[.unprotected]!
    // Steady traffic: the 0.5 s window after the expiry at 30 s holds 200 x 0.5 = 100 requests.
    #expect(none.queriesPerSecond[30] == 100 && none.total == 100, "\(none.queriesPerSecond)")
    #expect(none.misses == 100 && none.firstQuery! > 30 && none.firstQuery! < 30.01)
    let lock = outcomes[.lock]!
    #expect(lock.total == 1 && lock.queriesPerSecond[30] == 1)
    #expect(lock.waited == 99 && abs(lock.longestWait - 0.5) < 0.011, "\(lock.waited) \(lock.longestWait)")
    let early = outcomes[.earlyRefresh]!
    #expect(early.misses == 0, "the key was refreshed before it expired")
    #expect(early.waited == 0 && early.firstQuery! < 30 && early.firstQuery! > 27)
    #expect(lock.peak < none.peak && early.peak < none.peak && early.peak <= 5)
    #expect(report.table.map(\.value) == [100, 1, Double(early.peak)])
    #expect(report.findings[0].hasSuffix("about 200 x 0.5 = 100; the run had 100 in second 30."))
    #expect(
      report.findings[1] == "Lock with add: 1 query; 99 requests waited for it, the longest 0.5 s, "
        + "re-reading every 0.05 s.")
    #expect(report.findings[2].hasPrefix("Early refresh: 3 queries, the first 2.04 s before the expiry"))
  }

  @Test func stampedeEarlyRefreshStaysSmallForEverySeed() {
    let arrivals = Stampede.arrivals()
    #expect(arrivals.count == 8_000 && arrivals.first == 0.001 && arrivals == Stampede.arrivals())
    var totals: [Int] = []
    for seed in UInt64(1)...20 {
      let early = Stampede.simulate(.earlyRefresh, arrivals: arrivals, seed: seed)
      // A late first coin leaves a window in which many more coins come up: 1 to 9 queries over these seeds.
      #expect(early.misses == 0 && early.total >= 1 && early.peak <= 15, "seed \(seed): \(early)")
      // The first refresh lands near delta x ln(rate x delta) = 2.3 s early, give or take a few deltas.
      #expect(early.firstQuery! > 30 - 5 && early.firstQuery! < 30, "seed \(seed)")
      totals.append(early.total)
    }
    let mean = Double(totals.reduce(0, +)) / Double(totals.count)
    #expect(mean > 1.5 && mean < 6, "about 1 + 1.7 expected; the 20 seeds average \(mean)")
  }

  @Test func xfetchRefreshesWithProbabilityFallingExponentiallyWithTheGap() {
    // Two seconds before the expiry with delta 2: the rule holds exactly when u <= e^-1.
    let threshold = exp(-1.0)
    #expect(Stampede.refreshesEarly(now: 8, delta: 2, expiry: 10, unit: threshold * 0.999))
    #expect(!Stampede.refreshesEarly(now: 8, delta: 2, expiry: 10, unit: threshold * 1.001))
    #expect(Stampede.refreshesEarly(now: 10, delta: 2, expiry: 10, unit: 1), "at the expiry, always")
    #expect(!Stampede.refreshesEarly(now: 0, delta: 2, expiry: 10, unit: 0.01), "10 s early: e^-5 < 0.01")
    let decoded = Stampede.decode(Stampede.encode(delta: 0.25, expiry: 1_800_000_030.5))
    #expect(decoded?.delta == 0.25 && decoded?.expiry == 1_800_000_030.5)
    #expect(Stampede.decode([1, 2, 3]) == nil)
  }
}
