import CacheKit
import ExerciseKit
import Foundation

/// What the outage is on this backend, for messages.
private func outageName(_ backend: Backend) -> String {
  switch backend {
  case .redis: "the Redis server went away (its connections cut, new ones refused)"
  case .memcached: "the memcached server went away (its connections cut, new ones refused)"
  case .memory, .file: "the cache went down (every call throws CacheError.backendFailure)"
  }
}

/// Calls profile and turns an error into a failure that says what an error costs the site.
private func read(
  _ reader: ProfileReader, _ userID: Int, _ context: CheckContext, line: Int = #line
) throws -> User {
  do {
    return try reader.profile(of: userID)
  } catch {
    throw CheckFailure(
      expected: "the profile of member \(userID)", got: "the error \(error)",
      why: context.cacheServerIsDown
        ? "The cache is down, but the database is not: a failed cache call must read as a miss "
          + "and the answer come from the database. An error here is an error page for every "
          + "visitor until the cache comes back." : "profile should not throw with the cache up.",
      line: line)
  }
}

/// A reader on a cache the check can take down, and member 2 read once, with the server up.
private func warmReader(_ context: CheckContext) throws -> ProfileReader {
  let reader = ProfileReader(cache: try context.cacheThatCanGoDown(), database: context.database)
  let grace = try read(reader, 2, context)
  try expect(grace.name, equals: "Grace", "A profile must be what the database holds.")
  return reader
}

/// The server down, and 20 requests for member 2: the breaker must open within 3 failed calls.
private func openTheBreaker(_ reader: ProfileReader, _ context: CheckContext) throws {
  context.takeCacheServerDown()
  let start = Date()
  for _ in 1...20 {
    let user = try read(reader, 2, context)
    try expect(
      user.name, equals: "Grace", "With the cache down the answer must still be the database's.")
  }
  let seconds = Date().timeIntervalSince(start)
  try expect(
    seconds < 2, expected: "20 requests in under 2 s", got: String(format: "%.2f s", seconds),
    "A refused connection fails fast, so answering from the database should cost next to nothing. "
      + "Retrying or sleeping on a dead cache makes every request slower than no cache at all.")
  let failed = context.failedCacheCalls
  try expect(
    failed >= 1 && failed <= 3, expected: "1 to 3 failed cache calls",
    got: "\(failed) failed cache calls",
    "After \(outageName(context.backend)), 20 requests were made. The breaker must open after 3 "
      + "failures in a row and then skip the cache: a failure on every request means a dead server "
      + "costs every visitor a failed call, and a server that hangs instead of refusing costs a "
      + "whole socket timeout each time. (0 means the cache was never even tried.)")
}

let exerciseChecks: [Check] = [
  Check("with the server up, profiles are cached under \"user:<id>\"") { context in
    let reader = try warmReader(context)
    _ = try read(reader, 2, context)
    try expectQueries(
      context, 1,
      "The second read of member 2 should be a hit: store the User under \"user:2\" on a miss.")
    let stored = try context.cache.get("user:2", as: User.self)
    try expect(
      stored?.name, equals: "Grace",
      "The profile must sit under \"user:2\", where other code and other processes find it.")
    try context.advance(seconds: 299)
    _ = try read(reader, 2, context)
    try expectQueries(context, 1, "At 299 s the stored profile is still fresh: a hit.")
    try context.advance(seconds: 2)
    _ = try read(reader, 2, context)
    try expectQueries(
      context, 2,
      "At 301 s the profile stored for 300 s has expired: the read must miss and query again. "
        + "Store it with timeout: 300; kept longer, a changed profile stays stale in the cache.")
  },

  Check("a call that works sets the failure count back to 0") { context in
    let reader = try warmReader(context)
    for round in 1...3 {
      context.takeCacheServerDown()
      _ = try read(reader, 3, context)
      try context.bringCacheServerBack()
      let queries = context.database.queryCount
      _ = try read(reader, 2, context)
      try expect(
        context.database.queryCount == queries,
        expected: "member 2 read from the cache, with no query",
        got: "\(context.database.queryCount - queries) query (the cache was skipped)",
        "Blip \(round) of 3: the server went away for one request (at most 2 failed calls: a read "
          + "and a write) and came straight back. The read of member 2 after it works, so it must "
          + "set the failure count back to 0: the breaker counts failures in a row, not in total. "
          + "Counting every failure ever made, a few short blips spread over hours would open the "
          + "breaker on a healthy server and send its requests to the database.")
    }
  },

  Check("with the server down, every answer comes from the database") { context in
    let reader = try warmReader(context)
    context.takeCacheServerDown()
    for userID in [2, 2, 3, 2, 3] {
      let user = try read(reader, userID, context)
      try expect(
        user.id, equals: userID, "With the cache down the answer must still be the database's.")
    }
    try expectQueries(
      context, 6,
      "With \(outageName(context.backend)), the 5 requests must each be answered by the database "
        + "with exactly one query (after the 1 query that warmed the cache). Fewer means an answer "
        + "came from somewhere stale; more means a request paid for the database twice.")
  },

  Check("a dead server costs at most 3 failed calls, then the cache is skipped") { context in
    let reader = try warmReader(context)
    try openTheBreaker(reader, context)
    let calls = context.cacheCalls
    try context.advance(seconds: 10)
    for _ in 1...10 { _ = try read(reader, 2, context) }
    try expect(
      context.cacheCalls == calls, expected: "no cache call in the next 10 requests",
      got: "\(context.cacheCalls - calls) cache calls",
      "10 seconds after the breaker opened it is still open (it stays open 30 s): requests must "
        + "go straight to the database without touching the cache.")
    try expectQueries(
      context, 31, "Each of the 30 requests with the cache down must query the database once.")
  },

  Check("after 30 seconds one call tests the server again") { context in
    let reader = try warmReader(context)
    try openTheBreaker(reader, context)
    try context.advance(seconds: 31)
    let before = context.cacheCalls
    _ = try read(reader, 2, context)
    try expect(
      context.cacheCalls - before, equals: 1,
      "31 seconds after the breaker opened, the next request should let exactly one cache call "
        + "through to test the server. 0 means the breaker never closes, so the site would not use "
        + "the cache again after an outage; more than 1 means the test is not a single call.")
    for _ in 1...5 { _ = try read(reader, 2, context) }
    try expect(
      context.cacheCalls - before, equals: 1,
      "The test call failed (the server is still down), so the breaker must open again for "
        + "another 30 s: the requests right after it make no cache call.")
  },

  Check("when the server is back, caching resumes") { context in
    let reader = try warmReader(context)
    try openTheBreaker(reader, context)
    try context.bringCacheServerBack()
    try context.advance(seconds: 31)
    let queries = context.database.queryCount
    let grace = try read(reader, 2, context)
    try expect(
      context.database.queryCount == queries, expected: "a hit, with no query",
      got: "\(context.database.queryCount - queries) queries",
      "The server is back and the breaker's 30 s are over, so this request should test the cache, "
        + "find the profile stored before the outage (its 300 s are not over) and use it. A query "
        + "means the cache is not used again after an outage until the process restarts.")
    try expect(grace.name, equals: "Grace", "A hit must return the stored profile.")
    _ = try read(reader, 3, context)
    _ = try read(reader, 3, context)
    try expect(
      context.database.queryCount - queries, equals: 1,
      "Member 3 was not cached: the first read queries and stores it, the second must be a hit. "
        + "A second query means the breaker did not close after the call that worked, so writes "
        + "are still skipped.")
  },
]
