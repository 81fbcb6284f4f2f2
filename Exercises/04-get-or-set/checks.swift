import CacheKit
import ExerciseKit

/// The check's cache as a site whose cache is configured with another default timeout sees it: the
/// same store and keys, but a call that leaves its timeout out gets `defaultTimeout` seconds.
private final class CacheWithDefault: ForwardingCache {
  let store: any Cache
  let options: CacheOptions

  init(_ store: any Cache, defaultTimeout: Double) {
    self.store = store
    var options = store.options
    options.defaultTimeout = .seconds(defaultTimeout)
    self.options = options
  }

}

/// What one lookup did.
private enum Lookup {
  case found(User)
  case notFound(what: String)
  case unavailable
  case threw(any Error)

  var described: String {
    switch self {
    case .found(let user): "\(user.name) (member \(user.id))"
    case .notFound: "SlowDatabase.NotFound"
    case .unavailable: "SlowDatabase.Unavailable"
    case .threw(let error): "the error \(error)"
    }
  }
}

private func lookUp(_ id: Int, _ context: CheckContext, cache: (any Cache)? = nil) -> Lookup {
  do {
    return .found(try member(id: id, cache: cache ?? context.cache, database: context.database))
  } catch let notFound as SlowDatabase.NotFound {
    return .notFound(what: notFound.what)
  } catch is SlowDatabase.Unavailable {
    return .unavailable
  } catch {
    return .threw(error)
  }
}

/// Fails unless a lookup of a missing id threw SlowDatabase.NotFound.
private func expectNotFound(_ lookup: Lookup, _ id: Int, _ why: String, line: Int = #line) throws {
  guard case .notFound = lookup else {
    throw CheckFailure(
      expected: "SlowDatabase.NotFound for member \(id), who does not exist", got: lookup.described,
      why: why, line: line)
  }
}

/// Fails unless a lookup whose query failed threw SlowDatabase.Unavailable, unchanged.
private func expectUnavailable(_ lookup: Lookup, _ why: String, line: Int = #line) throws {
  guard case .unavailable = lookup else {
    throw CheckFailure(
      expected: "SlowDatabase.Unavailable, the error of the failed query", got: lookup.described, why: why,
      line: line)
  }
}

/// Fails unless nothing is stored under `key`.
private func expectNothingUnder(_ key: String, _ cache: any Cache, _ why: String, line: Int = #line) throws {
  let stored = try cache.hasKey(key)
  try expect(!stored, expected: "nothing under \"\(key)\"", got: "a value stored there", why, line: line)
}

/// Looks member 2 up once the copy should have expired, and fails unless the lookup queried the
/// database once (since its counters were reset) and returned what it holds. `why` says what a copy
/// still served means.
private func expectReloaded(
  _ context: CheckContext, cache: (any Cache)? = nil, _ why: String, line: Int = #line
) throws {
  let later = lookUp(2, context, cache: cache)
  try expectQueries(context, 1, why, line: line)
  try expect(
    later.described, equals: "Grace (member 2)",
    "After the copy expires, the lookup must return what the database holds.", line: line)
}

let exerciseChecks: [Check] = [
  Check("a second lookup of a member is served from the cache") { context in
    let first = lookUp(1, context)
    guard case .found(let ada) = first, ada.name == "Ada" else {
      throw CheckFailure(
        expected: "Ada (member 1)", got: first.described,
        why: "The cache starts empty, so the first lookup is a miss and must return the member the "
          + "database holds.")
    }
    try expectQueries(
      context, 1, "The first lookup is a miss and should ask the database exactly once.")
    let second = lookUp(1, context)
    try expectQueries(
      context, 1,
      "The second lookup queried the database again: nothing was cached under \"member:1\", or "
        + "the query ran anyway. getOrSet(_:default:timeout:) takes a value, and Swift works out an "
        + "argument before the call, so database.user(id:) runs on every lookup, hit or miss. Pass "
        + "a closure instead, getOrSet(\"member:<id>\", timeout: 300) { ... }: getOrSet runs it "
        + "only on a miss.")
    try expect(
      second.described, equals: first.described,
      "A hit must return the member the miss stored.")
  },

  Check("a found member is kept 300 seconds under \"member:<id>\"") { context in
    _ = lookUp(2, context)
    try expectStored(
      try SlowDatabase().user(id: 2), under: "member:2", in: context.cache, kind: "a User",
      shown: { "\($0.name)'s profile" },
      "Found members belong under \"member:<id>\", stored as the User itself, so that other code "
        + "(the write that renames a member, say) can find and delete the copy by its key.")
    try context.advance(seconds: 299)
    context.database.resetCounters()
    _ = lookUp(2, context)
    try expectQueries(
      context, 0,
      "299 seconds after member 2 was stored the copy is still within its 300 s, so this lookup "
        + "should be a hit. A query here means the member was stored with a timeout shorter than "
        + "300 s (the 30 s of a \"no\", perhaps), which sends real visitors back to the database.")
    try context.advance(seconds: 2)
    try expectReloaded(
      context,
      "301 seconds after member 2 was stored the copy should have expired, so the lookup should "
        + "load the row again. No query means the timeout is longer than 300 s: the default is "
        + "300 s only while nobody changes it, and .never keeps an old profile until something "
        + "deletes it. Say timeout: 300.")
  },

  Check("the 300 s is given to getOrSet, not left to the cache's default") { context in
    // A site whose cache is configured with TIMEOUT = 3600: leaving the timeout out means an hour.
    let hourly = CacheWithDefault(context.cache, defaultTimeout: 3_600)
    _ = lookUp(2, context, cache: hourly)
    try context.advance(seconds: 301)
    context.database.resetCounters()
    try expectReloaded(
      context, cache: hourly,
      "On a site whose cache is configured with a default timeout of an hour, member 2 was "
        + "still cached 301 s after it was stored: the lookup left the timeout out, so the copy "
        + "got the cache's configured default instead of the 300 s a profile may be old. The "
        + "default is a setting anyone may change; say timeout: 300 in the getOrSet call.")
  },

  Check("an unknown id throws NotFound, and the \"no\" is cached") { context in
    try expectNotFound(
      lookUp(99, context), 99,
      "Nobody has the id 99, so the lookup must end in the database's own answer, "
        + "SlowDatabase.NotFound, for the caller to show a 404. Rethrow it after you cache the "
        + "\"no\".")
    let marked = try context.cache.hasKey("member-missing:99")
    try expect(
      marked, expected: "a value under \"member-missing:99\"", got: "nothing stored there",
      "The database said there is no member 99; that answer is what negative caching keeps. "
        + "Store it, true for 30 s, under \"member-missing:<id>\", so the next lookups of the same "
        + "missing id do not each run a query that finds nothing.")
    try expectNothingUnder(
      "member:99", context.cache,
      "\"member:<id>\" is for members the database found. A \"no\" stored there would be read "
        + "back as a member, and it would get the 300 s of a real profile instead of its own 30 s.")
    context.database.resetCounters()
    let cachedNo = lookUp(99, context)
    try expectNotFound(
      cachedNo, 99,
      "While the \"no\" is cached, the lookup must still tell the caller there is no such "
        + "member: throw SlowDatabase.NotFound(what: \"user 99\").")
    if case .notFound(let what) = cachedNo {
      try expect(
        what == "user 99", expected: "SlowDatabase.NotFound(what: \"user 99\")",
        got: "SlowDatabase.NotFound(what: \(describe(what)))",
        "A cached answer must read exactly like the database's, which says \"user 99\": the "
          + "caller (its 404 page, its logs) should not be able to tell whether the \"no\" "
          + "came from the cache or from a query.")
    }
    try expectQueries(
      context, 0,
      "The second lookup of member 99 queried the database again: the cached \"no\" under "
        + "\"member-missing:99\" was not used. Look there first, before getOrSet, and throw "
        + "NotFound without asking the database.")
  },

  Check("a flood of lookups for a missing id queries once every 30 seconds") { context in
    var queriesAt: [Int] = []
    var now = 0
    for second in [0, 10, 20, 29, 31, 40, 50, 59, 61] {
      try context.advance(seconds: Double(second - now))
      now = second
      let before = context.database.queryCount
      try expectNotFound(
        lookUp(404, context), 404,
        "Every lookup of an id nobody has must throw SlowDatabase.NotFound, from the database or "
          + "from the cached \"no\".")
      if context.database.queryCount > before { queriesAt.append(second) }
    }
    let described = queriesAt.isEmpty ? "none" : queriesAt.map { "\($0) s" }.joined(separator: ", ")
    try expect(
      queriesAt == [0, 31, 61], expected: "queries at 0 s, 31 s and 61 s",
      got: "queries at \(described)",
      queriesAt.count > 3
        ? "Some lookups within 30 s of a \"no\" still reached the database: the \"no\" was not "
          + "cached for 30 s under \"member-missing:404\", or it was not looked at first."
        : "The \"no\" should live 30 s from the moment the database gave it, then expire, so a "
          + "member who signs up with that id is found at most 30 s later. Fewer queries mean the "
          + "\"no\" lived longer: a longer timeout, or a \"no\" stored (or touched) again on every "
          + "lookup that found it, which keeps pushing its 30 s back while the flood goes on. "
          + "Store it only after the database said it.")
  },

  Check("a failed query is not cached") { context in
    context.database.failNextQueries(1)
    try expectUnavailable(
      lookUp(3, context),
      "The database could not answer, and the caller needs to know that (to show an error "
        + "page and retry), not a made-up answer. Let any error other than NotFound pass "
        + "through unchanged.")
    try expectNothingUnder(
      "member:3", context.cache,
      "A failed query has no result to cache.")
    try expectNothingUnder(
      "member-missing:3", context.cache,
      "The query failed; the database never said member 3 does not exist. A \"no\" cached for "
        + "that would turn a one-second outage into 30 s of 404s for a member who exists. Cache "
        + "the \"no\" only on SlowDatabase.NotFound.")
    context.database.resetCounters()
    let again = lookUp(3, context)
    try expect(
      again.described, equals: "Linus (member 3)",
      "Once the database answers again, the next lookup must query it and find member 3.")
    try expectQueries(
      context, 1,
      "The lookup after the outage should be a miss that queries once, since nothing was cached.")
  },

  Check("a failed query for a missing id is not cached as a \"no\"") { context in
    context.database.failNextQueries(1)
    try expectUnavailable(
      lookUp(99, context),
      "The query for member 99 failed, so nobody knows yet whether member 99 exists. "
        + "Turning the failure into NotFound (a catch that catches everything) claims an "
        + "answer the database never gave. Catch SlowDatabase.NotFound only.")
    try expectNothingUnder(
      "member-missing:99", context.cache,
      "The failure is not a \"no\": nothing should be cached for member 99 yet.")
    context.database.resetCounters()
    try expectNotFound(
      lookUp(99, context), 99,
      "With the database back, the lookup of member 99 must get its real answer, NotFound.")
    try expectQueries(
      context, 1, "Nothing was cached during the outage, so this lookup must ask the database.")
    let marked = try context.cache.hasKey("member-missing:99")
    try expect(
      marked, expected: "a value under \"member-missing:99\"", got: "nothing stored there",
      "This time the database did say no, so the \"no\" belongs in the cache for 30 s.")
  },
]
