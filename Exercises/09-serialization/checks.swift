import CacheKit
import ExerciseKit

/// Stats in a short form for messages.
private func shown(_ stats: HashtagStats) -> String {
  "stats for #\(stats.tag): \(stats.postCount) posts, average \(stats.averageLikes) likes"
}

/// Equal stats, counting two NaN averages as equal (NaN is never equal to itself).
private func same(_ one: HashtagStats, _ other: HashtagStats) -> Bool {
  one.tag == other.tag && one.postCount == other.postCount
    && (one.averageLikes == other.averageLikes
      || (one.averageLikes.isNaN && other.averageLikes.isNaN))
}

/// What the database says, from a database of its own so the check's query count stays clean.
private func expectedStats(_ tag: String) -> HashtagStats {
  computeHashtagStats(tag, database: SlowDatabase())
}

/// Calls the learner's function, turning a serialization error that escapes it into advice.
private func stats(_ tag: String, _ context: CheckContext) throws -> HashtagStats {
  do {
    return try hashtagStats(tag, cache: context.cache, database: context.database)
  } catch CacheError.decodingFailed(let key, _, let reason) {
    throw CheckFailure(
      expected: "the stats for #\(tag)",
      got: "a decoding error escaped for \"\(key)\": \(reason.prefix(120))",
      why: "The value under the key was written by other code (an older version of "
        + "HashtagStats, or not JSON at all), so it cannot be read as today's type. That "
        + "is not the visitor's problem: a value you cannot read is as good as no value, "
        + "so treat CacheError.decodingFailed as a miss, compute the stats and store "
        + "them over the old copy.")
  } catch CacheError.encodingFailed(let reason) {
    throw CheckFailure(
      expected: "the stats for #\(tag), served without being cached",
      got: "an encoding error escaped: \(reason.prefix(120))",
      why: "These stats cannot become JSON (JSON has no NaN, and a tag no post uses has an "
        + "average of 0 / 0). Caching is an optimisation: when a value cannot be stored, "
        + "skip storing it and return it anyway. Catch CacheError.encodingFailed around "
        + "the set.")
  }
}

/// Fails unless `got` equals what the database gives for `tag`.
private func expectStats(_ got: HashtagStats, _ tag: String, _ why: String, line: Int = #line) throws {
  let expected = expectedStats(tag)
  try expect(same(got, expected), expected: shown(expected), got: shown(got), why, line: line)
}

/// Fails unless the cache holds today's stats for `tag` under its key.
private func expectStored(_ tag: String, _ context: CheckContext, _ why: String, line: Int = #line)
  throws
{
  let key = "hashtag-stats:\(tag)"
  let stored = try? context.cache.get(key, as: HashtagStats.self)
  let found = try context.cache.hasKey(key)
  let expected = expectedStats(tag)
  try expect(
    stored.map { same($0, expected) } ?? false, expected: shown(expected) + " under \"\(key)\"",
    got: stored.map(shown) ?? (found ? "a value that does not decode as HashtagStats" : "nothing"),
    why, line: line)
}

/// What version 1 of the code stored: the field was called `posts`, and there was no average.
private func version1JSON(_ tag: String, posts: Int) -> [UInt8] {
  Array("{\"tag\":\"\(tag)\",\"posts\":\(posts)}".utf8)
}

/// The check's cache with a server that fails: `get` (or `set`) throws
/// `CacheError.backendFailure`, as a client does when the cache server cannot be reached.
private final class CacheWithFailing: ForwardingCache {
  let store: any Cache
  let failsGet: Bool
  let failsSet: Bool

  init(_ store: any Cache, get failsGet: Bool, set failsSet: Bool) {
    self.store = store
    self.failsGet = failsGet
    self.failsSet = failsSet
  }

  private func failure(_ call: String) -> CacheError {
    .backendFailure("\(call) failed: the cache server cannot be reached (the check made it fail)")
  }

  func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    if failsSet { throw failure("add") }
    return try store.add(key, value, timeout: timeout)
  }
  func get(_ key: CacheKey) throws -> [UInt8]? {
    if failsGet { throw failure("get") }
    return try store.get(key)
  }
  func getMany(_ keys: [CacheKey]) throws -> [CacheKey: [UInt8]] {
    if failsGet { throw failure("get_many") }
    return try store.getMany(keys)
  }
  func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    if failsSet { throw failure("set") }
    try store.set(key, value, timeout: timeout)
  }
  func setMany(_ items: [(key: CacheKey, value: [UInt8])], timeout: ResolvedTimeout) throws
    -> [CacheKey]
  {
    if failsSet { throw failure("set_many") }
    return try store.setMany(items, timeout: timeout)
  }
  func hasKey(_ key: CacheKey) throws -> Bool {
    if failsGet { throw failure("has_key") }
    return try store.hasKey(key)
  }
}

/// Fails unless calling hashtagStats through `cache` throws `CacheError.backendFailure`.
private func expectOutagePassedOn(
  _ call: String, _ cache: any Cache, _ context: CheckContext, line: Int = #line
) throws {
  var outcome = "the stats were returned, the failure hidden"
  do {
    _ = try hashtagStats("caching", cache: cache, database: context.database)
  } catch CacheError.backendFailure {
    return
  } catch {
    outcome = "a different error: \(error)"
  }
  try expect(
    false, expected: "CacheError.backendFailure from the failing \(call) to reach the caller",
    got: outcome,
    "A value the cache cannot decode or encode is a fact about that one value; a cache server "
      + "that cannot be reached is an outage, and whether a page should then go on without the "
      + "cache is a decision for the site, not for this function (exercise 11 makes it). Catch "
      + "only CacheError.decodingFailed and CacheError.encodingFailed: a blanket try? or catch "
      + "also swallows backendFailure, and the outage goes unseen.", line: line)
}

let exerciseChecks: [Check] = [
  Check("the stats are cached for 10 minutes under \"hashtag-stats:<tag>\"") { context in
    let first = try stats("caching", context)
    try expectStats(first, "caching", "On a miss the page must show what the database says.")
    let second = try stats("caching", context)
    try expectQueries(
      context, 1,
      "The second call should find the first one's copy: only a miss may run the slow query.")
    try expectStats(second, "caching", "A hit must return the stats the miss stored.")
    try expectStored(
      "caching", context,
      "The key is the contract with other code: store the HashtagStats itself, as JSON "
        + "(what CacheKit's set does with a Codable value), under \"hashtag-stats:<tag>\".")
    try context.advance(seconds: 599)
    _ = try stats("caching", context)
    try expectQueries(context, 1, "599 s after it was stored the copy is still fresh: a hit.")
    try context.advance(seconds: 2)
    _ = try stats("caching", context)
    try expectQueries(
      context, 2, "601 s after it was stored the copy should have expired: set a timeout of 600.")
  },

  Check("a copy written by version 1 of HashtagStats is a miss, then replaced") { context in
    try context.cache.set("hashtag-stats:redis", version1JSON("redis", posts: 2), timeout: 600)
    let fresh = try stats("redis", context)
    try expectQueries(
      context, 1,
      "The copy under the key has the old shape (`posts`, no `averageLikes`), so it cannot "
        + "be today's HashtagStats: the call must compute the stats, once.")
    try expectStats(
      fresh, "redis",
      "After a deploy that changes a cached type, the old copies are misses: the page must "
        + "show the freshly computed stats, never a half-filled old value.")
    try expectStored(
      "redis", context,
      "The old copy should be replaced by today's stats. Left there, it stays unreadable for "
        + "up to 10 minutes and every request pays for the query.")
    _ = try stats("redis", context)
    try expectQueries(
      context, 1, "Once the new copy is stored, the next call is an ordinary hit.")
  },

  Check("a value that is not JSON at all is a miss too") { context in
    let strangers: [(what: String, bytes: [UInt8])] = [
      ("a Python pickle left by the old Django half of the site", [0x80, 0x05, 0x95, 0x1C, 0x00]),
      ("a write cut off halfway", Array("{\"tag\":\"django\",\"postC".utf8)),
      ("plain text", Array("stats coming soon".utf8)),
    ]
    for stranger in strangers {
      context.database.resetCounters()
      try context.cache.set("hashtag-stats:django", stranger.bytes, timeout: 600)
      let fresh = try stats("django", context)
      try expectQueries(
        context, 1, "Under the key was \(stranger.what): that is a miss, so compute once.")
      try expectStats(fresh, "django", "With \(stranger.what) in the cache, the page must still "
        + "show the database's stats.")
      try expectStored(
        "django", context, "The unreadable value should be replaced by today's stats.")
    }
  },

  Check("stats that cannot be encoded are served, not cached") { context in
    let first = try stats("cobol", context)
    try expectStats(
      first, "cobol",
      "No post uses #cobol, so its average is 0 / 0, NaN. The page must still get the stats.")
    let stored = try context.cache.hasKey("hashtag-stats:cobol")
    try expect(
      !stored, expected: "nothing under \"hashtag-stats:cobol\"", got: "a value",
      "JSON cannot hold NaN, so these stats cannot be cached as HashtagStats; anything stored "
        + "instead is a value the next reader cannot decode.")
    _ = try stats("cobol", context)
    try expectQueries(
      context, 2,
      "Nothing could be cached, so each call computes the stats: that costs a query, but the "
        + "page works.")
    _ = try stats("caching", context)
    _ = try stats("caching", context)
    try expectQueries(
      context, 3, "One value that cannot be cached must not stop other tags from caching.")
  },

  Check("a failing cache server is passed on, not hidden as a miss") { context in
    try expectOutagePassedOn(
      "get", CacheWithFailing(context.cache, get: true, set: false), context)
    try expectOutagePassedOn(
      "set", CacheWithFailing(context.cache, get: false, set: true), context)
  },
]
