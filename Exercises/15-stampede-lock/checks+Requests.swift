import CacheKit
import ExerciseKit
import Foundation
import Synchronization

/// What one request did: how long it took, the posts it returned (by id) or the error it threw.
struct Outcome: Codable, Sendable {
  var seconds: Double
  var posts: [Int]?
  var error: String?
}

/// What one worker process reports: its requests, the queries its database ran, and how its
/// requests took the lock.
struct WorkerReport: Codable {
  var queries: Int
  var outcomes: [Outcome]
  var takes: LockTakes
}

/// Sends `count` requests at one moment, each on a thread of its own, and returns what each did.
/// A request still running after `patience` seconds is reported as still waiting (its thread is
/// left to finish on its own).
func sendAtOnce(
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

func formatted(_ seconds: Double) -> String {
  String(format: "%.2f s", seconds)
}

/// Why no request may still be waiting when the others are done.
private let whyNoneWaitsForEver =
  "A request that waits for the lock holder must stop waiting once the posts are in the cache "
  + "(read \"\(postsKey)\" again on every round of the wait), and once the lock is gone, try "
  + "to take it itself. Waiting for ever turns one slow report into a site that hangs."

/// Fails unless every request returned the report's posts; `ifStuck` says why it matters when some
/// were still waiting after the `patience` seconds sendAtOnce gave them.
func expectAllServed(
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
func expectWithinBudget(_ outcomes: [Outcome], line: Int = #line) throws {
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
