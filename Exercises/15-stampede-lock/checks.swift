import CacheKit
import ExerciseKit
import Foundation
import Synchronization

private let postsKey = "popular-posts"
private let lockKey = "popular-posts:lock"
/// How long the report holds a request that runs it, in wall seconds.
private let reportSeconds = 0.3
/// The longest a request may take, waiting included.
private let budgetSeconds = 2.0

/// The posts the report returns, by id.
private let expectedPosts = SlowDatabase().topPosts().map(\.id)

/// What one request did: how long it took, the posts it returned (by id) or the error it threw.
private struct Outcome: Codable, Sendable {
  var seconds: Double
  var posts: [Int]?
  var error: String?
}

/// What one worker process reports: its requests and the queries its database ran.
private struct WorkerReport: Codable {
  var queries: Int
  var outcomes: [Outcome]
}

/// Sends `count` requests at one moment, each on a thread of its own, and returns what each did.
/// A request still running after `patience` seconds is reported as still waiting (its thread is
/// left to finish on its own).
private func sendAtOnce(
  _ count: Int, cache: any Cache, database: SlowDatabase, patience: Double = 8
) -> [Outcome] {
  let results = Mutex([Outcome?](repeating: nil, count: count))
  let ready = Atomic(0)
  let go = Atomic(false)
  let group = DispatchGroup()
  for index in 0..<count {
    group.enter()
    Thread.detachNewThread {
      ready.add(1, ordering: .relaxed)
      while !go.load(ordering: .acquiring) { usleep(100) }
      let start = ContinuousClock.now
      var outcome = Outcome(seconds: 0)
      do {
        outcome.posts = try popularPosts(cache: cache, database: database).map(\.id)
      } catch {
        outcome.error = "\(error)"
      }
      outcome.seconds = seconds(start.duration(to: .now))
      results.withLock { $0[index] = outcome }
      group.leave()
    }
  }
  while ready.load(ordering: .relaxed) < count { usleep(100) }
  go.store(true, ordering: .releasing)
  _ = group.wait(timeout: .now() + patience)
  return results.withLock { results in
    results.map { $0 ?? Outcome(seconds: patience, error: "still waiting") }
  }
}

private func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

private func formatted(_ seconds: Double) -> String {
  String(format: "%.2f s", seconds)
}

/// Fails unless every request returned the report's posts.
private func expectAllServed(_ outcomes: [Outcome], line: Int = #line) throws {
  let stuck = outcomes.filter { $0.error == "still waiting" }.count
  try expect(
    stuck == 0, expected: "every request answered",
    got: "\(stuck) of \(outcomes.count) still waiting after 8 s",
    "A request that waits for the lock holder must stop waiting once the posts are in the cache "
      + "(read \"\(postsKey)\" again on every round of the wait), and once the lock is gone, try "
      + "to take it itself. Waiting for ever turns one slow report into a site that hangs.",
    line: line)
  if let failed = outcomes.first(where: { $0.error != nil }) {
    throw CheckFailure(
      expected: "every request to return the popular posts",
      got: "a request that threw \(failed.error ?? "")",
      why: "Waiting for another request's recompute is no reason to fail: a request that finds "
        + "the lock taken waits and reads the posts the holder stores.", line: line)
  }
  if let wrong = outcomes.first(where: { $0.posts != expectedPosts }) {
    throw CheckFailure(
      expected: "posts \(expectedPosts)", got: "posts \(wrong.posts ?? [])",
      why: "Every request must return what database.topPosts() returns, whether it ran the "
        + "report or read the copy another request stored.", line: line)
  }
}

/// Fails unless no request took longer than the budget.
private func expectWithinBudget(_ outcomes: [Outcome], line: Int = #line) throws {
  let slowest = outcomes.map(\.seconds).max() ?? 0
  let late = outcomes.filter { $0.seconds > budgetSeconds }.count
  try expect(
    late == 0, expected: "every request answered within \(formatted(budgetSeconds))",
    got: "\(late) slower, the slowest after \(formatted(slowest))",
    "The report takes about \(formatted(reportSeconds)), so a request that waits for it should "
      + "have the posts a moment after the holder stores them. Read \"\(postsKey)\" again every "
      + "few tens of milliseconds while you wait: a long sleep between reads, or a wait that does "
      + "not look at the cache, keeps visitors waiting long after the posts are there.",
    line: line)
}

/// The cache as a request sees it whose process dies right after it takes the lock: the call that
/// takes the lock reaches the store, and nothing after it does (every later call throws).
private final class CacheOfDyingHolder: Cache {
  struct Died: Error, CustomStringConvertible {
    var description: String { "the process died" }
  }

  let store: any Cache
  /// The lock key and timeout the request took, once it has taken one.
  let taken = Mutex<(key: String, timeout: ResolvedTimeout)?>(nil)

  init(_ store: any Cache) { self.store = store }

  private func alive() throws {
    if taken.withLock({ $0 != nil }) { throw Died() }
  }

  var options: CacheOptions { store.options }
  var keyPolicy: KeyPolicy { store.keyPolicy }
  func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    try alive()
    let added = try store.add(key, value, timeout: timeout)
    if added { taken.withLock { $0 = (key.rawValue, timeout) } }
    return added
  }
  func get(_ key: CacheKey) throws -> [UInt8]? {
    try alive()
    return try store.get(key)
  }
  func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    try alive()
    try store.set(key, value, timeout: timeout)
    if !key.rawValue.hasSuffix(":" + postsKey) { taken.withLock { $0 = (key.rawValue, timeout) } }
  }
  func touch(_ key: CacheKey, timeout: ResolvedTimeout) throws -> Bool {
    try alive()
    return try store.touch(key, timeout: timeout)
  }
  func delete(_ key: CacheKey) throws -> Bool {
    try alive()
    return try store.delete(key)
  }
  func hasKey(_ key: CacheKey) throws -> Bool {
    try alive()
    return try store.hasKey(key)
  }
  func incr(_ key: CacheKey, by delta: Int) throws -> Int {
    try alive()
    return try store.incr(key, by: delta)
  }
  func clear() throws {
    try alive()
    try store.clear()
  }
}

/// Caches the posts, then lets them expire: the moment a stampede starts.
private func expireHotPosts(_ context: CheckContext) throws {
  _ = try popularPosts(cache: context.cache, database: context.database)
  try context.advance(seconds: 301)
  context.database.resetCounters()
  context.database.holdEachQuery(seconds: reportSeconds)
}

/// How many requests worker `index` of four sends, 50 in all.
private func requests(ofWorker index: Int) -> Int { index < 2 ? 13 : 12 }

let exerciseChecks: [Check] = [
  Check("the posts are cached under \"popular-posts\" for 300 s, and the lock let go") { context in
    let first = try popularPosts(cache: context.cache, database: context.database)
    try expect(
      first.map(\.id), equals: expectedPosts,
      "popularPosts must return what database.topPosts() returns.")
    _ = try popularPosts(cache: context.cache, database: context.database)
    try expect(
      context.database.queryCount, equals: 1,
      "The second request ran the report again: nothing was cached under \"\(postsKey)\", or "
        + "the request did not look there first.")
    try expect(
      try context.cache.hasKey(lockKey), equals: false,
      "The request that ran the report left \"\(lockKey)\" behind. Delete the lock once the "
        + "posts are stored: until it expires, every miss finds it taken and waits for a holder "
        + "that is already done.")
    try context.advance(seconds: 299)
    _ = try popularPosts(cache: context.cache, database: context.database)
    try expect(
      context.database.queryCount, equals: 1,
      "At 299 s the posts are still within their 300 s: the request must be a hit.")
    try context.advance(seconds: 2)
    _ = try popularPosts(cache: context.cache, database: context.database)
    try expect(
      context.database.queryCount, equals: 2,
      "At 301 s the cached posts have expired, so a request must run the report again. Store "
        + "them with timeout: 300.")
  },

  Check("50 requests in one process at the expiry: one report, none waiting over 2 s") {
    context in
    try expireHotPosts(context)
    let outcomes = context.letTimeRun {
      sendAtOnce(50, cache: context.cache, database: context.database)
    }
    try expectAllServed(outcomes)
    let queries = context.database.queryCount
    try expect(
      (1...2).contains(queries), expected: "1 query, 2 at most",
      got: "\(queries) \(queries == 1 ? "query" : "queries")",
      queries == 0
        ? "The posts expired 301 s after they were stored, yet nobody ran the report: they "
          + "must be stored for 300 s, not longer."
        : "50 requests that arrived together, as a hot key expired, sent \(queries) queries to "
          + "the database: every request that missed recomputed. Only the request that wins "
          + "the lock should: take it with cache.add(\"\(lockKey)\", ...), which stores only "
          + "when the key is absent, so exactly one request gets true; the others wait and "
          + "read the posts it stores.")
    try expectWithinBudget(outcomes)
  },

  Check(
    "50 requests in four processes at the expiry: at most two reports",
    worker: { context in
      context.database.holdEachQuery(seconds: reportSeconds)
      try context.waitForWorkers(4)
      let outcomes = context.letTimeRun {
        sendAtOnce(
          requests(ofWorker: context.workerIndex ?? 0), cache: context.cache,
          database: context.database)
      }
      let report = WorkerReport(queries: context.database.queryCount, outcomes: outcomes)
      return String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
    }
  ) { context in
    try expireHotPosts(context)
    let reports = try context.letTimeRun { try context.runWorkers(4) }.map {
      try JSONDecoder().decode(WorkerReport.self, from: Data($0.utf8))
    }
    let outcomes = reports.flatMap(\.outcomes)
    try expectAllServed(outcomes)
    let perProcess = reports.map(\.queries)
    let queries = perProcess.reduce(0, +)
    let split = perProcess.map(String.init).joined(separator: " + ")
    if context.backend == .memory {
      try expect(
        queries <= 4, expected: "at most 4 queries, one per process",
        got: "\(queries) (\(split))",
        "On memory every process has a cache, and a lock, of its own: each of the four "
          + "processes must run the report once, since no other process can store the posts "
          + "where it looks. That is the limit of a lock in local memory, and the check expects "
          + "it; more than one query in a process means requests of that process stampeded.")
    } else {
      try expect(
        queries <= 2, expected: "1 query, 2 at most", got: "\(queries) (\(split))",
        "50 requests in four processes arrived together as the hot key expired and sent "
          + "\(queries) queries to the database: requests that missed recomputed instead of "
          + "waiting. The lock must live in the shared cache (cache.add on \"\(lockKey)\"), so "
          + "that one request of all the processes wins it and the others wait for its posts.")
    }
    try expectWithinBudget(outcomes)
  },

  Check("a lock whose holder died does not keep requests waiting") { context in
    context.database.holdEachQuery(seconds: reportSeconds)
    let dying = CacheOfDyingHolder(context.cache)
    let holder = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      _ = try? popularPosts(cache: dying, database: context.database)
      holder.signal()
    }
    _ = holder.wait(timeout: .now() + 3)
    guard let lock = dying.taken.withLock({ $0 }) else {
      throw CheckFailure(
        expected: "the first request on an empty cache to take a lock",
        got: "no add that stored and no write besides the posts",
        why: "Without a lock nothing stops the other requests that miss at the same moment "
          + "from running the report too. Take it with cache.add(\"\(lockKey)\", ..., "
          + "timeout: 1) before you run the report.")
    }
    let outcome = context.letTimeRun {
      sendAtOnce(1, cache: context.cache, database: context.database, patience: 5)
    }
    let lockTimeout: String
    switch lock.timeout {
    case .never: lockTimeout = "no timeout"
    case .seconds(let seconds):
      lockTimeout = "a timeout of \(seconds == seconds.rounded() ? "\(Int(seconds)) s" : formatted(seconds))"
    }
    let fix =
      "Take the lock with timeout: 1, and on every round of the wait try the add again: once the "
      + "dead holder's lock has expired, the add succeeds and the waiting request runs the report "
      + "itself."
    try expect(
      outcome[0].error != "still waiting", expected: "the request answered",
      got: "still waiting after 5 s",
      "The request that took the lock (with \(lockTimeout)) died before it stored the posts, and "
        + "the request after it was still waiting 5 s later. "
        + (lock.timeout == .never
          ? "A lock with no timeout ends only with a delete, and a dead holder deletes nothing. "
          : "")
        + fix)
    try expectAllServed(outcome)
    try expect(
      outcome[0].seconds <= budgetSeconds,
      expected: "the posts within \(formatted(budgetSeconds))",
      got: "the posts after \(formatted(outcome[0].seconds))",
      "The request that took the lock (with \(lockTimeout)) died right after taking it. The "
        + "lock's own timeout is what frees it: with timeout: 1 it is gone after a second, a "
        + "waiting request takes it and runs the report, and the posts arrive in about 1.3 s. "
        + fix + " Waiting out a fixed time instead, or a longer lock, keeps every visitor "
        + "waiting that much longer whenever a holder dies.")
    try expect(
      try context.cache.hasKey(lockKey), equals: false,
      "After the request got its posts, \"\(lockKey)\" was still taken: the dead holder's lock "
        + "had no timeout of its own (or a long one), and the request answered without taking "
        + "the lock. Every later miss would wait for it again. Give the lock timeout: 1.")
  },
]
