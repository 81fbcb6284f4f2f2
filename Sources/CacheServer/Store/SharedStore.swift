import Synchronization

/// The store shared by a server's connections and threads: one lock, one critical section per command.
public final class SharedStore: Sendable {
  private let store: Mutex<Store>

  public init(_ store: Store) {
    self.store = Mutex(store)
  }

  /// Runs `body` with the store locked.
  public func withStore<Result: Sendable>(_ body: (inout Store) throws -> Result) rethrows -> Result {
    try store.withLock { try body(&$0) }
  }
}
