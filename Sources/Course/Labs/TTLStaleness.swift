import CacheKit
import Foundation
import Primitives

/// What a TTL buys and what it costs when nothing invalidates on write: reads of a catalogue, a few items
/// far more popular than the rest, with occasional edits, through real CacheKit code (a MemoryCache on a
/// manual clock). For TTLs from 1 s to 1 h it measures the hit rate and the share of reads that returned
/// a copy the database had already replaced.
enum TTLStaleness {
  static let items = 100
  static let readsPerSecond = 2.0
  /// Edits land on any item alike: each item changes about once an hour.
  static let writesPerSecond = 100.0 / 3600
  /// Reads in the first hour fill the cache and are not counted, so even a 1 h TTL is measured warm.
  static let warmUp = 3600.0
  static let duration = 4 * 3600.0
  /// 13 TTLs, evenly spaced on a log scale: 60^(k/6) seconds for k = 0...12, rounded, so 1 s, 60 s and
  /// 3600 s are the first, middle and last.
  static let ttls: [Double] = (0...12).map { pow(60, Double($0) / 6).rounded() }

  /// One read or edit of the workload.
  struct Event: Equatable {
    var time: Double
    var item: Int
    var isWrite: Bool
  }

  /// What one TTL gave: the share of counted reads that hit, and that returned replaced data.
  struct Outcome: Equatable {
    var ttl: Double
    var reads: Int
    var hits: Int
    var staleReads: Int

    var hitRate: Double { Double(hits) / Double(reads) }
    var staleShare: Double { Double(staleReads) / Double(reads) }
  }

  /// The same seeded workload for every TTL, so the curves differ only by the TTL.
  static func workload(seed: UInt64 = 2026) -> [Event] {
    var random = SplitMix64(seed: seed)
    let popularity = ZipfSampler(count: items, exponent: 1.0)
    let rate = readsPerSecond + writesPerSecond
    var events: [Event] = []
    events.reserveCapacity(Int(duration * rate * 1.1))
    var time = 0.0
    while true {
      time += -log(1 - random.nextUnit()) / rate
      guard time < duration else { return events }
      if random.nextUnit() < writesPerSecond / rate {
        events.append(Event(time: time, item: Int(random.next() % UInt64(items)), isWrite: true))
      } else {
        events.append(Event(time: time, item: popularity.sample(&random), isWrite: false))
      }
    }
  }

  /// Replays the workload through cache-aside with a TTL and no invalidation: a read gets the cached
  /// revision of the item, or on a miss reads the database's and caches it for `ttl` seconds. A hit is
  /// stale when an edit came after the copy was made.
  static func simulate(ttl: Double, events: [Event], countingFrom start: Double = warmUp) -> Outcome {
    let clock = ManualClock(start: 1_800_000_000)
    // A store of its own: a named store is shared by every cache in the process that names it, and two
    // runs of a lab (a test beside the learner's screen) may be at work at once.
    let cache = MemoryCache(
      name: "lab-ttl-staleness-\(UUID().uuidString)", maxEntries: items * 2,
      options: CacheOptions(keyPrefix: "lab", clock: clock))
    cache.clear()
    defer { cache.clear() }
    let keys = (0..<items).map { "item:\($0)" }
    var revisions = Array(repeating: 0, count: items)
    var outcome = Outcome(ttl: ttl, reads: 0, hits: 0, staleReads: 0)
    var now = 0.0
    for event in events {
      clock.advance(by: event.time - now)
      now = event.time
      if event.isWrite {
        revisions[event.item] += 1
        continue
      }
      let current = stored(revisions[event.item])
      let cached = (try? cache.get(keys[event.item])) ?? nil
      if cached == nil { try? cache.set(keys[event.item], current, timeout: .seconds(ttl)) }
      guard now >= start else { continue }
      outcome.reads += 1
      if let cached {
        outcome.hits += 1
        if cached != current { outcome.staleReads += 1 }
      }
    }
    return outcome
  }

  /// A revision as the bytes the cache holds. The lab calls the byte API, not the typed one: 13 replays
  /// of 29,000 events must run in well under a second in a debug build.
  static func stored(_ revision: Int) -> [UInt8] {
    withUnsafeBytes(of: revision.littleEndian) { Array($0) }
  }

  static func outcomes() -> [Outcome] {
    let events = workload()
    return ttls.map { simulate(ttl: $0, events: events) }
  }

  @Sendable static func run() -> LabReport {
    let results = outcomes()
    let (first, middle, last) = (results[0], results[results.count / 2], results[results.count - 1])
    func rows(_ outcome: Outcome) -> [(label: String, value: Double)] {
      let ttl = spoken(outcome.ttl)
      return [
        ("hits, TTL \(ttl)", percent(outcome.hitRate)), ("stale, TTL \(ttl)", percent(outcome.staleShare)),
      ]
    }
    func at(_ outcome: Outcome, _ share: (Outcome) -> Double) -> String {
      format(percent(share(outcome))) + "% at " + spoken(outcome.ttl)
    }
    let fewerMisses = percent(last.hitRate - middle.hitRate)
    let moreStale = percent(last.staleShare - middle.staleShare)
    return LabReport(
      title:
        "Hit rate and stale reads by TTL: \(items) items, \(format(readsPerSecond)) reads/s, each edited hourly",
      xLabel: "TTL, log scale: 1 s left, 60 s middle, 1 h right", yUnit: "% of reads",
      xValues: results.map(\.ttl),
      series: [
        ("hit rate", results.map { percent($0.hitRate) }),
        ("stale reads", results.map { percent($0.staleShare) }),
      ],
      table: rows(first) + rows(middle) + rows(last),
      findings: [
        "Hit rate: \(at(first, \.hitRate)), \(at(middle, \.hitRate)), \(at(last, \.hitRate)). "
          + "Past \(spoken(middle.ttl)), each doubling of the TTL adds fewer points than the one before.",
        "Stale reads: \(at(first, \.staleShare)), \(at(middle, \.staleShare)), \(at(last, \.staleShare)). "
          + "Nothing deletes on write, so a copy stays wrong from the edit until it expires.",
        "From \(spoken(middle.ttl)) to \(spoken(last.ttl)), misses fall by \(format(fewerMisses)) points and "
          + "stale reads rise by \(format(moreStale)): choose the TTL from the staleness readers can bear.",
      ])
  }

  static func percent(_ share: Double) -> Double { share * 100 }

  /// A value with at most one decimal: 42, 0.7.
  static func format(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// A TTL as people say it: 1 s, 60 s, 1 h.
  static func spoken(_ seconds: Double) -> String {
    seconds >= 3600 ? format(seconds / 3600) + " h" : format(seconds) + " s"
  }
}
