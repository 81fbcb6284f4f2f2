import Synchronization

/// One named in-process store: every `MemoryCache` created with the same name in a process shares it,
/// from any thread, as Django's locmem shares a module-level dict per LOCATION.
final class MemoryStore: Sendable {
  private static let registry = Mutex<[String: MemoryStore]>([:])

  /// The store called `name`, created on first use.
  static func named(_ name: String) -> MemoryStore {
    registry.withLock { stores in
      if let store = stores[name] { return store }
      let store = MemoryStore()
      stores[name] = store
      return store
    }
  }

  private let table = Mutex(LRUTable())

  /// Runs `body` with the table locked: each cache operation is one critical section.
  func withTable<Result: Sendable>(_ body: (inout LRUTable) throws -> Result) rethrows -> Result {
    try table.withLock { try body(&$0) }
  }
}
