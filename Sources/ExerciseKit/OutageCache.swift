import CacheKit
import Synchronization

/// The switch a check throws to take its cache server down and bring it back, and the count of cache
/// calls that went through it. For Redis and memcached the relays do the failing; for memory and file,
/// which have no server, the OutageCache in front of them fails while the switch is down.
final class CacheOutage: Sendable {
  private struct State {
    var down = false
    var calls = 0
    var failures = 0
    var relays: [CacheServerRelay] = []
  }
  private let state = Mutex(State())

  var isDown: Bool { state.withLock { $0.down } }
  var calls: Int { state.withLock { $0.calls } }
  var failures: Int { state.withLock { $0.failures } }

  /// Keeps a relay so the switch takes it down and brings it back.
  func add(_ relay: CacheServerRelay) { state.withLock { $0.relays.append(relay) } }

  func takeDown() {
    let relays = state.withLock { state in
      state.down = true
      return state.relays
    }
    for relay in relays { relay.takeDown() }
  }

  func bringBack() throws {
    let relays = state.withLock { state in
      state.down = false
      return state.relays
    }
    for relay in relays { try relay.bringBack() }
  }

  /// Closes every relay for good, at the end of a check.
  func close() {
    let relays = state.withLock { state in
      defer { state.relays = [] }
      return state.relays
    }
    for relay in relays { relay.takeDown() }
  }

  func record(failed: Bool) {
    state.withLock { state in
      state.calls += 1
      if failed { state.failures += 1 }
    }
  }
}

/// A cache in front of another that counts its calls and failures on an outage switch, and (with
/// `failsWhileDown`) throws `CacheError.backendFailure` for every call while the switch is down, as a
/// client of a server that went away does.
final class OutageCache: CallWrappingCache {
  let store: any Cache
  let outage: CacheOutage
  let failsWhileDown: Bool

  init(_ store: any Cache, outage: CacheOutage, failsWhileDown: Bool) {
    self.store = store
    self.outage = outage
    self.failsWhileDown = failsWhileDown
  }

  /// Runs one call, failing it while the switch is down, and counts it; only a failure to reach the
  /// store counts as failed (a missing key for incr is an answer, not an outage).
  func wrap<T>(_ call: () throws -> T) throws -> T {
    do {
      if failsWhileDown && outage.isDown {
        throw CacheError.backendFailure("cannot connect to the cache: it is down (the check took it down)")
      }
      let result = try call()
      outage.record(failed: false)
      return result
    } catch let error as CacheError {
      if case .backendFailure = error { outage.record(failed: true) } else { outage.record(failed: false) }
      throw error
    }
  }
}
