import CacheKit
import Foundation
import Primitives

/// One hot key under steady traffic, around the moment its cached value expires: database queries per
/// second with no protection, with a lock taken by `add`, and with probabilistic early refresh (XFetch).
/// It runs real CacheKit code, a MemoryCache on a manual clock, as a discrete-event simulation: requests
/// arrive at a steady rate, a recompute takes a fixed time and its `set` lands when it is done, and
/// XFetch's coins come from a seeded generator, so every run gives the same figures.
enum Stampede {
  static let requestsPerSecond = 200.0
  /// How long one recompute (the database query and building the value) takes, in seconds.
  static let recompute = 0.5
  /// The value is stored at 0 s with this timeout, so it expires at 30 s.
  static let timeout = 30.0
  static let seconds = 40
  /// The lock's own timeout: how long a lock left by a holder that died keeps everyone else waiting.
  static let lockTimeout = 5.0
  /// How long a request that lost the lock waits before it reads the key again.
  static let retryAfter = 0.05
  /// XFetch's beta: 1 is the paper's default; larger refreshes earlier.
  static let beta = 1.0

  /// How a request that misses, or may refresh, behaves.
  enum Strategy: CaseIterable {
    /// Every request that misses queries the database and sets the key.
    case unprotected
    /// A request that misses takes a lock with `add`; only the winner queries, the others wait and re-read.
    case lock
    /// Each read may refresh before the expiry, with a probability that grows as the expiry nears.
    case earlyRefresh

    var name: String {
      switch self {
      case .unprotected: "no protection"
      case .lock: "lock with add"
      case .earlyRefresh: "early refresh (XFetch)"
      }
    }
  }

  /// What one strategy gave over the whole run.
  struct Outcome: Equatable {
    /// Queries started in each second of the run.
    var queriesPerSecond: [Int]
    /// Requests that waited for another request's recompute, and the longest such wait in seconds.
    var waited = 0
    var longestWait = 0.0
    /// When the first query of the run started, in seconds.
    var firstQuery: Double?
    /// Reads that found nothing in the cache.
    var misses = 0

    var peak: Int { queriesPerSecond.max() ?? 0 }
    var total: Int { queriesPerSecond.reduce(0, +) }
  }

  /// Something that happens at a moment: a request arrives or reads again, or a recompute is done.
  private struct Event {
    enum Kind {
      case request(arrived: Double)
      case recomputed
    }
    var time: Double
    var kind: Kind
  }

  /// The arrival times of the run's requests: steady traffic, one request every 1/`requestsPerSecond`
  /// seconds, the first a fifth of that gap after 0 s. Steady, so the unprotected count is exactly N x T.
  static func arrivals() -> [Double] {
    let gap = 1 / requestsPerSecond
    let count = Int(Double(seconds) * requestsPerSecond)
    return (0..<count).map { gap / 5 + Double($0) * gap }
  }

  /// XFetch (Vattani, Chierichetti and Lowenstein, VLDB 2015): refresh when
  /// `now - delta * beta * ln(u) >= expiry`, u uniform in (0, 1]. Its probability at `gap` seconds before
  /// the expiry is exp(-gap / (delta * beta)).
  static func refreshesEarly(now: Double, delta: Double, expiry: Double, unit: Double) -> Bool {
    now - delta * beta * log(unit) >= expiry
  }

  /// The value as cached for XFetch: how long its recompute took and when it expires, 16 bytes.
  static func encode(delta: Double, expiry: Double) -> [UInt8] {
    withUnsafeBytes(of: delta.bitPattern.littleEndian) { Array($0) }
      + withUnsafeBytes(of: expiry.bitPattern.littleEndian) { Array($0) }
  }

  static func decode(_ bytes: [UInt8]) -> (delta: Double, expiry: Double)? {
    guard bytes.count == 16 else { return nil }
    func double(at offset: Int) -> Double {
      let bits = bytes[offset..<offset + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      return Double(bitPattern: bits)
    }
    return (double(at: 0), double(at: 8))
  }

  /// Replays the arrivals through one strategy, starting with the value cached at 0 s.
  static func simulate(_ strategy: Strategy, arrivals: [Double], seed: UInt64 = 2015) -> Outcome {
    let start = 1_800_000_000.0
    let clock = ManualClock(start: start)
    // A store of its own: a named store is shared by every cache in the process that names it, and two
    // runs of a lab (a test beside the learner's screen) may be at work at once.
    let cache = MemoryCache(
      name: "lab-stampede-\(UUID().uuidString)", options: CacheOptions(keyPrefix: "lab", clock: clock))
    defer { cache.clear() }
    let key = "hot"
    let lockKey = "hot:lock"
    var random = SplitMix64(seed: seed)
    var outcome = Outcome(queriesPerSecond: Array(repeating: 0, count: seconds))

    func store(at time: Double) {
      try? cache.set(key, encode(delta: recompute, expiry: time + timeout), timeout: .seconds(timeout))
    }
    store(at: 0)

    // Arrivals come in order; the pending events (re-reads and finished recomputes) are kept sorted.
    var pending: [Event] = []
    func schedule(_ event: Event) {
      let index = pending.firstIndex { $0.time > event.time } ?? pending.endIndex
      pending.insert(event, at: index)
    }
    func query(at time: Double) {
      if outcome.firstQuery == nil { outcome.firstQuery = time }
      outcome.queriesPerSecond[min(seconds - 1, Int(time))] += 1
      schedule(Event(time: time + recompute, kind: .recomputed))
    }

    var next = 0
    var now = 0.0
    while next < arrivals.count || !pending.isEmpty {
      let event: Event
      if let first = pending.first, next == arrivals.count || first.time <= arrivals[next] {
        event = pending.removeFirst()
      } else {
        event = Event(time: arrivals[next], kind: .request(arrived: arrivals[next]))
        next += 1
      }
      guard event.time < Double(seconds) else { continue }
      clock.advance(by: event.time - now)
      now = event.time

      switch event.kind {
      case .recomputed:
        store(at: now)
        if strategy == .lock { _ = try? cache.delete(lockKey) }
      case .request(let arrived):
        let cached = (try? cache.get(key)) ?? nil
        if let cached {
          if arrived < now {
            outcome.waited += 1
            outcome.longestWait = max(outcome.longestWait, now - arrived)
          }
          if strategy == .earlyRefresh, let (delta, expiry) = decode(cached),
            refreshesEarly(now: now, delta: delta, expiry: expiry, unit: 1 - random.nextUnit())
          {
            query(at: now)
          }
          continue
        }
        outcome.misses += 1
        switch strategy {
        case .unprotected, .earlyRefresh:
          query(at: now)
        case .lock:
          if (try? cache.add(lockKey, [1], timeout: .seconds(lockTimeout))) == true {
            query(at: now)
          } else {
            schedule(Event(time: now + retryAfter, kind: .request(arrived: arrived)))
          }
        }
      }
    }
    return outcome
  }

  static func outcomes() -> [Strategy: Outcome] {
    let times = arrivals()
    return Dictionary(uniqueKeysWithValues: Strategy.allCases.map { ($0, simulate($0, arrivals: times)) })
  }

  @Sendable static func run() -> LabReport {
    let results = outcomes()
    let (none, lock, early) = (results[.unprotected]!, results[.lock]!, results[.earlyRefresh]!)
    let expected = Int(requestsPerSecond * recompute)
    let ahead = timeout - (early.firstQuery ?? timeout)
    // Where the expected number of refreshes so far, rate x delta x beta x e^(-gap / (delta x beta)),
    // reaches 1: a guide to when the first refresh comes, which is random.
    let predictedAhead = recompute * beta * log(requestsPerSecond * recompute * beta)
    return LabReport(
      title:
        "Queries/s for one hot key: \(Int(requestsPerSecond)) requests/s, a \(format(recompute)) s "
        + "recompute, expiry at \(Int(timeout)) s",
      xLabel: "second (the cached value expires at \(Int(timeout)) s)", yUnit: "queries/s",
      xValues: (0..<seconds).map(Double.init),
      series: Strategy.allCases.map { strategy in
        (strategy.name, results[strategy]!.queriesPerSecond.map(Double.init))
      },
      table: Strategy.allCases.map { ("peak second, " + $0.name, Double(results[$0]!.peak)) },
      findings: [
        "No protection: every request in the \(format(recompute)) s after the expiry misses and queries, "
          + "about \(Int(requestsPerSecond)) x \(format(recompute)) = \(expected); the run had \(none.peak) "
          + "in second \(Int(timeout)).",
        "Lock with add: \(lock.peak) query; \(lock.waited) requests waited for it, the longest "
          + "\(format(lock.longestWait)) s, re-reading every \(format(retryAfter)) s.",
        "Early refresh: \(early.total) queries, the first \(format(ahead)) s before the expiry (the expected "
          + "number of refreshes reaches 1 at delta x ln(rate x delta) = \(format(predictedAhead)) s); "
          + "\(early.misses) reads missed and nobody waited.",
      ],
      steps: true)
  }

  /// A value with at most two decimals: 0.5, 2.31, 4.
  static func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
