extension SlowDatabase {
  /// The error of a query the database could not answer: it timed out, or the server was down. It
  /// says nothing about the row, so nothing should be cached because of it.
  public struct Unavailable: Error, Sendable, Equatable {
    /// The query that failed, such as "user 2".
    public var query: String

    public init(query: String) {
      self.query = query
    }
  }

  /// Makes the next `count` queries that can fail (`user(id:)` and `product(id:)`) throw
  /// `Unavailable`, as a database that is briefly down would. Each failed query still counts.
  public func failNextQueries(_ count: Int = 1) {
    state.withLock { $0.failingQueries = max(0, count) }
  }

  /// A read query that throws `Unavailable` while `failNextQueries` says so.
  func readOrFail<T>(_ description: String, _ body: (State) throws -> T) throws -> T {
    defer { takeTime() }
    return try state.withLock { state in
      log(description, in: &state)
      if state.failingQueries > 0 {
        state.failingQueries -= 1
        throw Unavailable(query: description)
      }
      return try body(state)
    }
  }
}
