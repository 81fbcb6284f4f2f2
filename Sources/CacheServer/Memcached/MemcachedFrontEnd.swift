import MemcacheText
import Synchronization

/// The Memcached-protocol front end of one event loop. Several loops (memcached's `-t` worker threads)
/// share one `MemcachedShared`: the store, the counters and the settings.
public final class MemcachedFrontEnd: ProtocolFrontEnd {
  /// The version `version` and `stats` report: the memcached release whose behaviour this follows.
  static let reportedVersion = "1.6.18"

  let shared: MemcachedShared
  let commands: MemcachedCommandTable

  public init(shared: MemcachedShared) {
    self.shared = shared
    self.commands = MemcachedCommandTable(testClock: shared.configuration.testClock)
  }

  public func connectionOpened(id: UInt64, peer: String) -> any ConnectionHandler {
    shared.connectionOpened()
    return MemcachedConnection(shared: shared, commands: commands)
  }

  public func tick() {
    shared.store.withStore { store in
      store.clock.pin()
      defer { store.clock.unpin() }
      shared.applyDueFlush(&store)
      store.expireCycle(now: store.clock.now())
    }
  }
}

/// What every worker thread of one Memcached-protocol server shares.
public final class MemcachedShared: Sendable {
  public struct Configuration: Sendable {
    /// The largest item, header included (memcached's `-I`, 1 MB by default).
    public var itemSizeLimit = 1024 * 1024
    /// Memory for items in bytes (memcached's `-m`, 64 MB by default).
    public var memoryLimit = 64 * 1024 * 1024
    /// Worker threads, each with its own event loop (memcached's `-t`).
    public var threads = 1
    /// Enables `advanceclock <milliseconds>`, which moves the server's time (for graders).
    public var testClock = false

    public init() {}

    /// A size as memcached's `-I` reads it: bytes, or a number with `k` or `m` (powers of 1024).
    public static func size(_ text: String) -> Int? {
      let multipliers: [Character: Int] = ["k": 1024, "K": 1024, "m": 1024 * 1024, "M": 1024 * 1024]
      guard let last = text.last else { return nil }
      if let multiplier = multipliers[last] {
        return Int(text.dropLast()).flatMap {
          $0.multipliedReportingOverflow(by: multiplier).overflow ? nil : $0 * multiplier
        }
      }
      return Int(text)
    }
  }

  public let configuration: Configuration
  public let store: SharedStore
  /// The server's start, in store milliseconds: absolute exptimes at or before it are already past.
  let startedAt: Int64
  private let state: Mutex<State>
  /// When a delayed `flush_all` takes effect, in store milliseconds; Int64.max when none is pending.
  /// Atomic, because every read checks it.
  private let flushDue = Atomic<Int64>(Int64.max)

  struct State {
    var counters = MemcachedCounters()
    var currentConnections = 0
    var totalConnections: UInt64 = 0
    var casCounter: UInt64 = 0
    var verbosity: UInt32 = 0
    var resetAt: Int64 = 0
  }

  public init(configuration: Configuration, store: SharedStore) {
    self.configuration = configuration
    self.store = store
    let now = StoreClock().now()
    self.startedAt = now
    self.state = Mutex(State(resetAt: now))
  }

  func connectionOpened() {
    state.withLock {
      $0.currentConnections += 1
      $0.totalConnections += 1
    }
  }

  func connectionClosed() { state.withLock { $0.currentConnections -= 1 } }

  /// The next cas unique: every change to an item gets a new one.
  func nextCas() -> UInt64 {
    state.withLock {
      $0.casCounter += 1
      return $0.casCounter
    }
  }

  func add(_ counters: MemcachedCounters) { state.withLock { $0.counters.add(counters) } }

  func snapshot() -> State { state.withLock { $0 } }

  func resetCounters(now: Int64) {
    state.withLock {
      $0.counters = MemcachedCounters()
      $0.totalConnections = 0
      $0.resetAt = now
    }
  }

  func setVerbosity(_ level: UInt32) { state.withLock { $0.verbosity = level } }

  /// `flush_all`: now, or once `due` has come.
  func scheduleFlush(at due: Int64?, _ store: inout Store) {
    guard let due, due > store.clock.now() else {
      flushDue.store(Int64.max, ordering: .relaxed)
      for database in store.databases.indices { store.databases[database].removeAll() }
      return
    }
    flushDue.store(due, ordering: .relaxed)
  }

  /// Empties the store when a delayed flush has come due.
  func applyDueFlush(_ store: inout Store) {
    let due = flushDue.load(ordering: .relaxed)
    guard due <= store.clock.now() else { return }
    if flushDue.compareExchange(expected: due, desired: Int64.max, ordering: .relaxed).exchanged {
      for database in store.databases.indices { store.databases[database].removeAll() }
    }
  }
}
