/// The rows a write can change, as a transaction stages them until it commits.
struct StagedRows: Sendable {
  var users: [User]
  var products: [Product]
}

/// A transaction that has begun and not yet ended: its staged rows and what runs when it commits.
struct OpenTransaction: Sendable {
  var staged: StagedRows
  var onCommit: [@Sendable () throws -> Void] = []
}

extension SlowDatabase {
  /// Whether a `transaction` is open on the database.
  public var isInTransaction: Bool { state.withLock { $0.transaction != nil } }

  /// Runs `body` in a transaction, as Django's `transaction.atomic()` does.
  ///
  /// The database is one connection: every write made through it while `body` runs is staged, and
  /// reads keep returning the committed rows, as the site's other requests would see them. When
  /// `body` returns, the transaction commits: the staged rows become the database's, and then the
  /// actions registered with `onCommit` run in order (the first that throws ends the run, and its
  /// error comes out of `transaction`; the rows stay committed). When `body` throws, the transaction
  /// rolls back: the staged rows and the actions are discarded, and the error comes out.
  ///
  /// A `transaction` inside another is a savepoint: its rollback discards only its own writes and
  /// actions, and what it keeps commits with the outer transaction.
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    let savepoint: OpenTransaction? = state.withLock { state in
      if let open = state.transaction { return open }
      state.transaction = OpenTransaction(
        staged: StagedRows(users: state.users, products: state.products))
      return nil
    }
    let result: T
    do {
      result = try body()
    } catch {
      state.withLock { $0.transaction = savepoint }
      throw error
    }
    if savepoint != nil { return result }
    let actions = state.withLock { state in
      guard let open = state.transaction else { return [@Sendable () throws -> Void]() }
      state.users = open.staged.users
      state.products = open.staged.products
      state.transaction = nil
      return open.onCommit
    }
    for action in actions { try action() }
    return result
  }

  /// Runs `action` once the open transaction commits, as Django's `transaction.on_commit` does; it
  /// never runs if the transaction rolls back. Outside a transaction there is nothing to wait for,
  /// so it runs at once.
  public func onCommit(_ action: @escaping @Sendable () throws -> Void) throws {
    let deferred = state.withLock { state in
      guard state.transaction != nil else { return false }
      state.transaction?.onCommit.append(action)
      return true
    }
    if !deferred { try action() }
  }

  /// Changes rows: in the open transaction's staged rows, or, outside a transaction, at once.
  func write(_ change: (inout StagedRows) throws -> Void) throws {
    try state.withLock { state in
      if var open = state.transaction {
        try change(&open.staged)
        state.transaction = open
      } else {
        var rows = StagedRows(users: state.users, products: state.products)
        try change(&rows)
        state.users = rows.users
        state.products = rows.products
      }
      state.writes += 1
    }
  }
}
