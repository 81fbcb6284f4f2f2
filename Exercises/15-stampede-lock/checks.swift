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

/// What one worker process reports: its requests, the queries its database ran, and how its
/// requests took the lock.
private struct WorkerReport: Codable {
  var queries: Int
  var outcomes: [Outcome]
  var takes: LockTakes
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

/// Why no request may still be waiting when the others are done.
private let whyNoneWaitsForEver =
  "A request that waits for the lock holder must stop waiting once the posts are in the cache "
  + "(read \"\(postsKey)\" again on every round of the wait), and once the lock is gone, try "
  + "to take it itself. Waiting for ever turns one slow report into a site that hangs."

/// Fails unless every request returned the report's posts; `ifStuck` says why it matters when some
/// were still waiting after the `patience` seconds sendAtOnce gave them.
private func expectAllServed(
  _ outcomes: [Outcome], patience: Int = 8, ifStuck: String = whyNoneWaitsForEver, line: Int = #line
) throws {
  let stuck = outcomes.filter { $0.error == "still waiting" }.count
  try expect(
    stuck == 0, expected: "every request answered",
    got: "\(stuck) of \(outcomes.count) still waiting after \(patience) s", ifStuck, line: line)
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

/// How requests took a lock: any key besides the posts that an `add` stored or a `set` wrote.
private struct LockTakes: Codable, Sendable {
  /// Adds that stored the key: each one a request that won the lock.
  var added = 0
  /// Sets of it: a lock taken by writing it, which any number of requests can do at once.
  var written = 0
  /// The timeout of the latest take, in seconds; nil when none was taken or it never expires.
  var seconds: Double?
  /// The keys taken as a lock, so that a key per request shows.
  var keys: Set<String> = []

  var total: Int { added + written }

  static func + (left: Self, right: Self) -> Self {
    Self(
      added: left.added + right.added, written: left.written + right.written,
      seconds: [left.seconds, right.seconds].compactMap { $0 }.min(),
      keys: left.keys.union(right.keys))
  }
}

/// The check's cache, watched: how the requests took the lock.
private final class LockWatch: ForwardingCache {
  let store: any Cache
  let takes = Mutex(LockTakes())

  init(_ store: any Cache) { self.store = store }

  private func took(_ key: CacheKey, timeout: ResolvedTimeout, added: Bool) {
    guard !key.rawValue.hasSuffix(":" + postsKey) else { return }
    takes.withLock { takes in
      if added { takes.added += 1 } else { takes.written += 1 }
      takes.keys.insert(key.rawValue)
      if case .seconds(let seconds) = timeout { takes.seconds = seconds } else { takes.seconds = nil }
    }
  }

  func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    let added = try store.add(key, value, timeout: timeout)
    if added { took(key, timeout: timeout, added: true) }
    return added
  }
  func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    try store.set(key, value, timeout: timeout)
    took(key, timeout: timeout, added: false)
  }
}

/// The cache as a request sees it while another request finishes the report: just before the
/// request's first attempt to take the lock, the other request stores the posts and lets its lock
/// go, so the lock is free and the posts are there.
private final class CacheRacedAhead: ForwardingCache {
  let store: any Cache
  /// Whether the request tried an add, so the other request got ahead of it.
  let raced = Mutex(false)

  init(_ store: any Cache) { self.store = store }

  func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    let first = raced.withLock { raced in
      defer { raced = true }
      return !raced && !key.rawValue.hasSuffix(":" + postsKey)
    }
    if first { try store.set(postsKey, SlowDatabase().topPosts(), timeout: 300) }
    return try store.add(key, value, timeout: timeout)
  }
}

/// Why `queries` reports ran where one should have, read from how the requests took the lock.
private func whyTooManyReports(queries: Int, takes: LockTakes, backend: Backend) -> String {
  let ran = "\(queries) requests ran the report"
  if takes.total == 0 {
    return ran + ", and none of them took a lock in the cache. A lock in the process (NSLock, "
      + "a mutex) stops only that process's requests: take it with cache.add(\"\(lockKey)\", "
      + "true, timeout: 1), so that every process sees it and exactly one request gets true."
  }
  if takes.keys.count > 1 {
    return ran + ", and the lock was taken under \(takes.keys.count) different keys: a key of "
      + "its own for each request is never found taken. Every request must add the same key, "
      + "\"\(lockKey)\", so that only one of them gets true."
  }
  if takes.written > 0 {
    return ran + ": the lock was taken with set, so every request that read no lock wrote it "
      + "and went on to run the report. Take it with cache.add, which stores only when the key "
      + "is absent, so exactly one request gets true."
  }
  if let seconds = takes.seconds, seconds < 1, backend.isServer {
    return ran + ": the lock was taken with timeout: \(seconds). Django's Redis and memcached "
      + "backends cut a timeout to whole seconds, so it became 0 and the lock was gone the "
      + "moment it was taken: every request won it. Use timeout: 1."
  }
  if queries > takes.added {
    return ran + " but only \(takes.added) won the lock: requests that lost it ran the report "
      + "anyway (a wait that gives up, or a fallback after a fixed time). A request that gets "
      + "false must only wait: read the posts, try the add again, sleep a little, and go round."
  }
  return ran + ", and the lock was won \(takes.added) times: it was free again while the posts "
    + "were still missing. Delete it only after the posts are stored"
    + ((takes.seconds ?? 1) < 1 ? ", give it timeout: 1" : "")
    + ", and look at the posts once more after winning it: a request that missed just before "
    + "they were stored can win the lock just after it was deleted."
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

/// Fails unless the lock is gone once the posts are stored; `why` says what left it behind.
private func expectLockGone(_ context: CheckContext, _ why: String, line: Int = #line) throws {
  try expect(
    !(try context.cache.hasKey(lockKey)),
    expected: "no \"\(lockKey)\" once the posts are stored", got: "the lock still there", why,
    line: line)
}

/// A lock timeout in words: "no timeout", "a timeout of 1 s", "a timeout of 0.50 s".
private func described(_ timeout: ResolvedTimeout) -> String {
  switch timeout {
  case .never: return "no timeout"
  case .seconds(let seconds):
    return "a timeout of \(seconds == seconds.rounded() ? "\(Int(seconds)) s" : formatted(seconds))"
  }
}

/// How many requests are waiting when the lock's holder dies.
private let waitersOfDeadHolder = 20

let exerciseChecks: [Check] = [
  Check("cached 300 s, lock released") { context in
    let first = try popularPosts(cache: context.cache, database: context.database)
    try expect(
      first.map(\.id), equals: expectedPosts,
      "popularPosts must return what database.topPosts() returns.")
    _ = try popularPosts(cache: context.cache, database: context.database)
    try expect(
      context.database.queryCount, equals: 1,
      "The second request ran the report again: nothing was cached under \"\(postsKey)\", or "
        + "the request did not look there first.")
    try expectLockGone(
      context,
      "The request that ran the report left \"\(lockKey)\" behind. Delete the lock once the "
        + "posts are stored, in a defer so it goes even when storing fails: until it expires, "
        + "every miss finds it taken and waits for a holder that is already done.")
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

  Check("lock won late: no report") { context in
    let racedAhead = CacheRacedAhead(context.cache)
    let posts = try popularPosts(cache: racedAhead, database: context.database)
    try expect(
      posts.map(\.id), equals: expectedPosts,
      "popularPosts must return what database.topPosts() returns.")
    try expect(
      racedAhead.raced.withLock { $0 }, expected: "the request that missed to call cache.add",
      got: "no cache.add before the report",
      "A request that misses must take the lock, cache.add(\"\(lockKey)\", true, timeout: "
        + "1), before it runs the report: add stores only when the key is absent, so exactly "
        + "one request gets true. A get and then a set lets every request that saw no lock take "
        + "it, and a lock in the process is not seen by the others.")
    try expect(
      context.database.queryCount, equals: 0,
      "This request missed, and then, before its cache.add, the request holding the lock "
        + "stored the posts and deleted the lock, so this request won a lock it no longer "
        + "needed. Once you win the lock, read \"\(postsKey)\" once more and run the report "
        + "only if the posts are still missing: otherwise every such request runs it a second "
        + "time.")
    try expectLockGone(
      context,
      "The request that won the lock must delete it, even when it found the posts "
        + "already there.")
  },

  Check("1 process, 50 at once: one report, none over 2 s") { context in
    try expireHotPosts(context)
    let watch = LockWatch(context.cache)
    let outcomes = context.letTimeRun {
      sendAtOnce(50, cache: watch, database: context.database)
    }
    try expectAllServed(outcomes)
    let queries = context.database.queryCount
    try expect(
      (1...2).contains(queries), expected: "1 query, 2 at most",
      got: "\(queries) \(queries == 1 ? "query" : "queries")",
      queries == 0
        ? "The posts expired 301 s after they were stored, yet nobody ran the report: they "
          + "must be stored for 300 s, not longer."
        : "50 requests arrived together as the hot key expired. "
          + whyTooManyReports(
            queries: queries, takes: watch.takes.withLock { $0 }, backend: context.backend))
    try expectWithinBudget(outcomes)
  },

  Check(
    "4 processes, 50 at once: one report per shared cache",
    worker: { context in
      context.database.holdEachQuery(seconds: reportSeconds)
      try context.waitForWorkers(4)
      let watch = LockWatch(context.cache)
      let outcomes = context.letTimeRun {
        sendAtOnce(
          requests(ofWorker: context.workerIndex ?? 0), cache: watch,
          database: context.database)
      }
      let report = WorkerReport(
        queries: context.database.queryCount, outcomes: outcomes,
        takes: watch.takes.withLock { $0 })
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
      let worst = reports.max { $0.queries < $1.queries }
      try expect(
        queries <= 4, expected: "at most 4 queries, one per process",
        got: "\(queries) (\(split))",
        "On memory every process has a cache, and a lock, of its own, so each of the four "
          + "processes runs the report once: no other process can store the posts where it "
          + "looks. That is the limit of a lock in local memory, and the check expects it. "
          + "More than one in a process means that process's requests stampeded. In the "
          + "busiest process, "
          + whyTooManyReports(
            queries: worst?.queries ?? 0, takes: worst?.takes ?? LockTakes(),
            backend: context.backend))
    } else {
      try expect(
        queries <= 2, expected: "1 query, 2 at most", got: "\(queries) (\(split))",
        "50 requests in four processes arrived together as the hot key expired. "
          + whyTooManyReports(
            queries: queries, takes: reports.map(\.takes).reduce(LockTakes(), +),
            backend: context.backend)
          + " The lock must live in the shared cache, so that one request of all the "
          + "processes wins it and the others wait for its posts.")
    }
    try expectWithinBudget(outcomes)
  },

  Check("holder dies: one request takes over") { context in
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
        expected: "the first request on an empty cache to take a lock in the cache",
        got: "no add that stored and no write besides the posts",
        why: "No lock was taken in the cache. A lock in the process (NSLock, a mutex) stops "
          + "only that process's requests; take it with cache.add(\"\(lockKey)\", true, "
          + "timeout: 1) before you run the report, so every process sees it.")
    }
    context.database.resetCounters()
    let watch = LockWatch(context.cache)
    let outcomes = context.letTimeRun {
      sendAtOnce(
        waitersOfDeadHolder, cache: watch, database: context.database, patience: 5)
    }
    let lockTimeout = described(lock.timeout)
    let fix =
      "Take the lock with timeout: 1, and on every round of the wait try the add again: once the "
      + "dead holder's lock has expired, the add succeeds and one waiting request runs the "
      + "report itself."
    try expectAllServed(
      outcomes, patience: 5,
      ifStuck: "The request that took the lock (with \(lockTimeout)) died before it stored the posts, "
        + "and the requests after it were still waiting 5 s later. "
        + (lock.timeout == .never
          ? "A lock with no timeout ends only with a delete, and a dead holder deletes nothing. "
          : "")
        + fix)
    let shortLock: Bool
    if case .seconds(let seconds) = lock.timeout, seconds <= 1 {
      shortLock = true
    } else {
      shortLock = false
    }
    let queries = context.database.queryCount
    let takes = watch.takes.withLock { $0 }
    try expect(
      queries <= 2, expected: "1 query, 2 at most",
      got: "\(queries) from \(waitersOfDeadHolder) waiting requests",
      (shortLock
        ? "The dead holder's lock (\(lockTimeout)) expired while \(waitersOfDeadHolder) "
          + "requests waited. "
        : "The dead holder's lock had \(lockTimeout), so it was still there while "
          + "\(waitersOfDeadHolder) requests waited. ")
        + (queries > takes.added
          ? "\(queries) of them ran the report, "
            + (takes.added == 0
              ? "and none took the lock" : "but only \(takes.added) took the lock")
            + ": on every round of the wait try cache.add again, so that exactly one of them "
            + "takes over. A waiter that runs the report without the lock after a fixed wait "
            + "brings the stampede back the moment a holder dies."
            + (shortLock
              ? "" : " Give the lock timeout: 1, so that it goes a second after its holder dies.")
          : whyTooManyReports(queries: queries, takes: takes, backend: context.backend)))
    let slowest = outcomes.map(\.seconds).max() ?? 0
    try expect(
      slowest <= budgetSeconds,
      expected: "the posts within \(formatted(budgetSeconds))",
      got: "the slowest request had them after \(formatted(slowest))",
      "The request that took the lock (with \(lockTimeout)) died right after taking it. The "
        + "lock's own timeout is what frees it: with timeout: 1 it is gone after a second, a "
        + "waiting request takes it and runs the report, and the posts arrive in about 1.3 s. "
        + fix + " A longer lock, or a long sleep between reads, keeps every visitor waiting "
        + "that much longer whenever a holder dies.")
    try expectLockGone(
      context,
      shortLock
        ? "The dead holder's lock expired, but the request that took over from it kept its own "
          + "lock: delete it once the posts are stored, in a defer so it goes even when storing "
          + "fails. Until it expires, every miss waits for a holder that is already done."
        : "The dead holder's lock (\(lockTimeout)) was still there after the requests got their "
          + "posts: they answered without taking it, and every later miss waits for it again. "
          + "Give the lock timeout: 1, so a dead holder's lock goes a second later.")
  },
]
