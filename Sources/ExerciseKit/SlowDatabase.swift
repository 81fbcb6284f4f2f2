import CacheKit
import Synchronization

/// A simulated database that is slow on purpose and counts every query, so checks can tell whether a
/// result came from the cache. Latency is added to `simulatedMilliseconds` instead of slept, so grading
/// stays fast while checks can still reason about time spent.
public final class SlowDatabase: Sendable {
  struct State {
    var users = SampleData.users
    var posts = SampleData.posts
    var products = SampleData.products
    var queries: [String] = []
    /// When each of `queries` began, by the database's clock.
    var times: [Double] = []
    var writes = 0
    /// How many of the next queries that can fail throw `Unavailable` (see `failNextQueries`).
    var failingQueries = 0
    /// The open transaction, if any: its staged rows and on-commit actions.
    var transaction: OpenTransaction?
  }

  let state = Mutex(State())
  /// What one query costs, in simulated milliseconds.
  public let latencyMilliseconds: Double
  /// The clock that dates the queries of `timeline`; nil dates them all 0.
  let clock: (any CacheClock)?
  /// What a query does once it is logged, outside the database's lock: how a query takes time
  /// (see `holdEachQuery(seconds:)`). Nil: queries take no time at all.
  let pace = Mutex<(@Sendable () -> Void)?>(nil)

  /// A database whose queries cost latencyMilliseconds of simulated time each; clock (a check's,
  /// for one) dates the queries of `timeline`.
  public init(latencyMilliseconds: Double = 80, clock: (any CacheClock)? = nil) {
    self.latencyMilliseconds = latencyMilliseconds
    self.clock = clock
  }

  /// One read query and the moment it began.
  public struct LoggedQuery: Sendable, Equatable {
    /// The query, as in `queries`.
    public var query: String
    /// When it began, in the clock's Unix seconds.
    public var at: Double
  }

  /// The error of a query for a row that does not exist.
  public struct NotFound: Error, Sendable, Equatable {
    /// The row that was asked for, such as "user 99".
    public var what: String

    public init(what: String) {
      self.what = what
    }
  }

  /// How many read queries ran since the start or the last resetCounters().
  public var queryCount: Int { state.withLock { $0.queries.count } }
  /// The read queries in order, such as "user 2" or "top posts".
  public var queries: [String] { state.withLock { $0.queries } }
  /// The read queries in order with the moment each began, so a check can tell when the
  /// database was asked, not only how often.
  public var timeline: [LoggedQuery] {
    state.withLock { state in
      zip(state.queries, state.times).map { LoggedQuery(query: $0, at: $1) }
    }
  }
  /// How many writes ran.
  public var writeCount: Int { state.withLock { $0.writes } }
  /// The time the queries would have taken.
  public var simulatedMilliseconds: Double { Double(queryCount) * latencyMilliseconds }

  public func resetCounters() {
    state.withLock {
      $0.queries = []
      $0.times = []
      $0.writes = 0
    }
  }

  func read<T>(_ description: String, _ body: (State) throws -> T) rethrows -> T {
    defer { takeTime() }
    return try state.withLock { state in
      log(description, in: &state)
      return try body(state)
    }
  }

  /// Records a query and the moment it began.
  func log(_ description: String, in state: inout State) {
    state.queries.append(description)
    state.times.append(clock?.now() ?? 0)
  }

  /// Holds the caller for as long as a query takes; at once when queries take no time.
  func takeTime() {
    pace.withLock { $0 }?()
  }

  /// One member by id.
  public func user(id: Int) throws -> User {
    try readOrFail("user \(id)") { state in
      guard let user = state.users.first(where: { $0.id == id }) else { throw NotFound(what: "user \(id)") }
      return user
    }
  }

  /// Every member, by id.
  public func users() -> [User] { read("all users") { $0.users } }

  /// A member's posts, newest (highest id) first.
  public func posts(byUser id: Int) -> [Post] {
    read("posts by user \(id)") { state in state.posts.filter { $0.authorID == id }.sorted { $0.id > $1.id } }
  }

  /// The most liked posts.
  public func topPosts(limit: Int = 5) -> [Post] {
    read("top posts") { state in
      Array(state.posts.sorted { ($0.likes, $0.id) > ($1.likes, $1.id) }.prefix(limit))
    }
  }

  /// Hashtags by how many posts use them, most used first.
  public func trendingHashtags(limit: Int = 5) -> [String] {
    read("trending hashtags") { state in
      var counts: [String: Int] = [:]
      for tag in state.posts.flatMap(\.hashtags) { counts[tag, default: 0] += 1 }
      return Array(counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key).prefix(limit))
    }
  }

  /// Members with at least minimumFollowers followers, most followed first.
  public func influencers(minimumFollowers: Int = 10_000) -> [User] {
    read("influencers") { state in
      state.users.filter { $0.followers >= minimumFollowers }.sorted { $0.followers > $1.followers }
    }
  }

  /// Renames a member: a write, so anything cached about the member is now stale. Inside a
  /// `transaction` the new name is staged until the commit.
  public func renameUser(id: Int, to name: String) throws {
    try write { rows in
      guard let index = rows.users.firstIndex(where: { $0.id == id }) else {
        throw NotFound(what: "user \(id)")
      }
      rows.users[index].name = name
    }
  }
}
