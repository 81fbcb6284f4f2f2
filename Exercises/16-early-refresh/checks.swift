import CacheKit
import ExerciseKit
import Foundation
import Primitives
import Synchronization

private let tagsKey = "trending-tags"
/// How long the tags may be kept, in seconds.
private let timeToLive = 20.0
/// How long the query takes, in seconds of the check's clock: the recompute time, delta.
private let queryTime = 1.0
/// How long the query takes in the first check: another time, so only a measured delta fits.
private let firstQueryTime = 0.7
/// The steady traffic: requests a second, and for how long.
private let rate = 50.0
private let trafficSeconds = 45.0
/// The most queries any one second of steady traffic may see; plain cache-aside sends `rate`.
private let busiestSecondLimit = 20
/// How many recompute times before the expiry a refresh may start at the earliest.
private let earliestRefresh = 15.0

/// The tags the query returns.
private let expectedTags = SlowDatabase().trendingHashtags()

/// The check's cache, watched: how many reads of the tags missed, and when the tags were stored.
private final class WatchedCache: ForwardingCache {
  let store: any Cache
  let misses = Mutex(0)
  /// When each store of the tags happened, by the check's clock.
  let stores = Mutex<[Double]>([])

  init(_ store: any Cache) { self.store = store }

  private func isTags(_ key: CacheKey) -> Bool { key.rawValue.hasSuffix(":" + tagsKey) }

  private func stored(_ key: CacheKey) {
    if isTags(key) { stores.withLock { $0.append(options.clock.now()) } }
  }

  func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    let added = try store.add(key, value, timeout: timeout)
    if added { stored(key) }
    return added
  }
  func get(_ key: CacheKey) throws -> [UInt8]? {
    let value = try store.get(key)
    if value == nil && isTags(key) { misses.withLock { $0 += 1 } }
    return value
  }
  func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    try store.set(key, value, timeout: timeout)
    stored(key)
  }
}

/// What the requests of a run returned: how many there were, and the first wrong answer.
private final class Answers: Sendable {
  private let state = Mutex((count: 0, wrong: String?.none))

  func record(_ answer: Result<[String], any Error>) {
    state.withLock { state in
      state.count += 1
      guard state.wrong == nil else { return }
      switch answer {
      case .success(let tags) where tags == expectedTags: break
      case .success(let tags): state.wrong = "the tags \(tags)"
      case .failure(let error): state.wrong = "the error \(error)"
      }
    }
  }

  var wrong: String? { state.withLock { $0.wrong } }
}

/// Sends traffic to trendingTags: request n draws its random numbers from a generator seeded
/// with `seed + n`, so a run repeats exactly.
/// The traffic stops early once the database has run `stopAfter` queries: early refresh runs
/// a handful in the whole run, so by then the verdict is certain.
private func send(
  _ context: CheckContext, cache: any Cache, perSecond: Double, for seconds: Double,
  seed: UInt64, answers: Answers, stopAfter: Int = 60, queriesTake: Double = queryTime
) throws {
  try context.sendTraffic(
    perSecond: perSecond, for: seconds, queriesTake: queriesTake,
    stoppingWhen: { context.database.queryCount >= stopAfter }
  ) { index in
    var random = SeededGenerator(seed: seed &+ UInt64(index))
    answers.record(
      Result { try trendingTags(cache: cache, database: context.database, random: &random) })
  }
}

/// A seeded generator that counts how many numbers were drawn from it.
private struct CountingGenerator: RandomNumberGenerator {
  var base = SeededGenerator(seed: 1_595_000)
  var draws = 0

  mutating func next() -> UInt64 {
    draws += 1
    return base.next()
  }
}

private func formatted(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }

/// Fails unless every request returned the query's tags.
private func expectRightAnswers(_ answers: Answers, line: Int = #line) throws {
  if let wrong = answers.wrong {
    throw CheckFailure(
      expected: "every request to return the trending tags \(expectedTags)", got: wrong,
      why: "Early refresh changes when the tags are recomputed, never what a request gets: "
        + "the cached tags while they are fresh, the query's otherwise.", line: line)
  }
}

/// Warms the cache with one request, then sends the steady traffic; returns the watched cache
/// and the moment the traffic began.
private func steadyTraffic(_ context: CheckContext) throws -> (WatchedCache, Double) {
  let cache = WatchedCache(context.cache)
  let answers = Answers()
  try send(context, cache: cache, perSecond: 1, for: 1, seed: 1_600_000, answers: answers)
  context.database.resetCounters()
  cache.misses.withLock { $0 = 0 }
  let start = context.now
  try send(
    context, cache: cache, perSecond: rate, for: trafficSeconds, seed: 1_610_000,
    answers: answers)
  try expectRightAnswers(answers)
  return (cache, start)
}

let exerciseChecks: [Check] = [
  Check("entry: delta and expiry") { context in
    let answers = Answers()
    let cache = WatchedCache(context.cache)
    // One request, on a clock that moves in hundredths of a second while its query runs.
    try send(
      context, cache: cache, perSecond: 100, for: 0.01, seed: 1_590_000, answers: answers,
      queriesTake: firstQueryTime)
    try expectRightAnswers(answers)
    try expect(
      context.database.queryCount, equals: 1,
      "The first request finds nothing cached and must run database.trendingHashtags() once.")
    let entry = try? context.cache.get(tagsKey, as: TrendingEntry.self)
    guard let entry, let stored = cache.stores.withLock({ $0.last }) else {
      let found = try context.cache.hasKey(tagsKey)
      throw CheckFailure(
        expected: "a TrendingEntry under \"\(tagsKey)\"",
        got: found ? "a value there that is not a TrendingEntry" : "nothing there",
        why: "Early refresh decides from what is cached: the tags alone do not say how long "
          + "they took to compute or when they expire. Store TrendingEntry(tags:delta:expiry:).")
    }
    try expect(
      entry.tags, equals: expectedTags, "The entry's tags must be what the query returned.")
    try expect(
      abs(entry.delta - firstQueryTime) < 0.05,
      expected: "a delta of \(formatted(firstQueryTime))",
      got: "a delta of \(formatted(entry.delta))",
      "This time the query took \(formatted(firstQueryTime)) of the cache's clock (the checks "
        + "vary it, as a real database does). Measure delta around it, "
        + "cache.options.clock.now() before and after the query: it is the recompute time "
        + "that scales how early a request may refresh.")
    try expect(
      abs(entry.expiry - (stored + timeToLive)) < 0.05,
      expected: "an expiry 20 s after the tags were stored",
      got: "an expiry \(formatted(entry.expiry - stored)) after",
      "expiry is the moment the cache drops the tags: the clock when you store them plus their "
        + "20 s. A different expiry makes requests refresh too early, or too late to beat the "
        + "real expiry.")
    var counting = CountingGenerator()
    _ = try trendingTags(cache: context.cache, database: context.database, random: &counting)
    try expect(
      counting.draws > 0, expected: "a hit to draw u from the generator it is given",
      got: "no number drawn from it",
      "On a hit the request decides at random whether to refresh early, and the checks hand "
        + "it a seeded generator so that the traffic repeats exactly: draw u with "
        + "Double.random(in: 0..<1, using: &random), not from the system's generator.")
    try context.advance(seconds: stored + timeToLive - 0.5 - context.now)
    try expect(
      try context.cache.hasKey(tagsKey), expected: "the tags still cached at 19.5 s",
      got: "nothing under \"\(tagsKey)\"",
      "19.5 s after they were stored the tags must still be cached: store them with "
        + "timeout: 20.")
    try context.advance(seconds: 1)
    try expect(
      !(try context.cache.hasKey(tagsKey)), expected: "the tags gone at 20.5 s",
      got: "the tags still cached",
      "20.5 s after they were stored the tags must be gone: store them with timeout: 20, the "
        + "same 20 s as their expiry, or the entry outlives the moment it says it ends.")
  },

  Check("50/s: no burst, no miss") { context in
    let (cache, start) = try steadyTraffic(context)
    // The copy the traffic began with expires 20 s after it was stored; a query before that
    // is an early refresh.
    let firstExpiry = (cache.stores.withLock { $0.last { $0 <= start } } ?? start) + timeToLive
    let refreshedEarly = context.database.timeline.contains { $0.at < firstExpiry - 1e-4 }
    let noEarlyRefresh =
      "No request refreshed before the expiry at all: read now, like delta and expiry, from "
      + "cache.options.clock.now() (the checks move that clock; the wall clock barely moves "
      + "during the run), and mind the sign: now - delta * log(u) is later than now. "
    let times = context.database.timeline.map { $0.at - start }
    var busiest = (count: 0, at: 0.0)
    for (index, time) in times.enumerated() {
      let count = times[index...].prefix { $0 < time + 1 - 1e-4 }.count
      if count > busiest.count { busiest = (count, time) }
    }
    let misses = cache.misses.withLock { $0 }
    try expect(
      busiest.count <= busiestSecondLimit,
      expected: "at most \(busiestSecondLimit) queries in any one second",
      got: "\(busiest.count) in the second from \(formatted(busiest.at)) into the traffic",
      "Requests arrive 50 a second, and the query takes 1 s. "
        + (misses > 0
          ? "\(misses) requests found nothing under \"\(tagsKey)\": the tags expired before "
            + "anyone refreshed them, and every request that arrived during the 1 s recompute "
            + "ran the query too. " + (refreshedEarly ? "" : noEarlyRefresh)
          : "Many requests decided to refresh at once: the rule lets far too many through. ")
        + "Recompute early, at random: each request recomputes when "
        + "now - delta * log(u) >= expiry, u uniform in (0, 1], so one request usually "
        + "refreshes a few seconds before the expiry while the others keep the fresh tags.")
    try expect(
      misses == 0, expected: "no request to find the tags missing",
      got: "\(misses) that did",
      (refreshedEarly ? "" : noEarlyRefresh)
        + "Under 50 requests a second, some request should have refreshed the tags before they "
        + "expired: the chance grows to certainty as the expiry nears (at 1 s before it, "
        + "e^-1, a third of the requests, refresh). A miss means the early refresh did not "
        + "happen: delta is 0 (measure the query with the cache's clock), or the expiry in "
        + "the entry is later than the cache's timeout.")
  },

  Check("no refresh >15 s early") { context in
    let (cache, start) = try steadyTraffic(context)
    let stores = cache.stores.withLock { $0 }
    var earliest = (by: 0.0, at: 0.0)
    for query in context.database.timeline {
      // The copy the query's request read: stored before it (one stored at the same moment,
      // by a request running beside it, may not have been there yet).
      guard let current = stores.last(where: { $0 < query.at - 1e-4 }) else { continue }
      let early = current + timeToLive - query.at
      if early > earliest.by { earliest = (early, query.at - start) }
    }
    let queries = context.database.queryCount
    try expect(
      earliest.by <= earliestRefresh * queryTime,
      expected: "every refresh within \(Int(earliestRefresh)) s (15 recompute times) of the "
        + "expiry",
      got: "a refresh \(formatted(earliest.by)) before it, \(formatted(earliest.at)) into "
        + "the traffic (\(queries) queries in all)",
      "A request refreshes early with the chance e^-(time left / delta): at 15 recompute "
        + "times before the expiry that is one in three million, so a refresh that early means "
        + "the rule is off: compare now - delta * beta * log(u) with expiry (log(u) is "
        + "negative, so the term pushes now later), with beta 1, delta in seconds and u in "
        + "(0, 1]. Refreshing on every request, or far too early, sends the query 50 times a "
        + "second and caches nothing.")
  },
]
