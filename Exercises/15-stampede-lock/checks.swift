import CacheKit
import ExerciseKit
import Foundation
import Synchronization

/// The key the posts are cached under.
let postsKey = "popular-posts"
/// The key of the lock: every request adds this one, so only one of them wins it.
let lockKey = "popular-posts:lock"
/// How long the report holds a request that runs it, in wall seconds.
let reportSeconds = 0.3
/// The longest a request may take, waiting included.
let budgetSeconds = 2.0

/// The posts the report returns, by id.
let expectedPosts = SlowDatabase().topPosts().map(\.id)

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
