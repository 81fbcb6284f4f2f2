import CacheKit
import Foundation
import Glibc
import Synchronization

extension CheckContext {
  /// Sends a request every `1 / perSecond` seconds of the check's time for `seconds`, each on a
  /// thread of its own, while every query of `database` takes `queriesTake` seconds of that time:
  /// a request that queries is held until the clock has moved that far, and the requests that
  /// arrive meanwhile run beside it, as on a busy site. Nothing sleeps: the clock (the servers'
  /// included) moves one arrival at a time, once every request has either finished or is held in
  /// a query. After the last arrival, time moves on until every held query has finished. The
  /// database's `timeline` then says when each query began. `request` gets the request's number,
  /// from 0; a request that neither finishes nor queries within a few seconds fails the check.
  /// No request arrives once `stop` says so (it is asked before each arrival): a check whose
  /// verdict is already certain need not wait out the rest.
  public func sendTraffic(
    perSecond rate: Double, for seconds: Double, queriesTake queryTime: Double,
    stoppingWhen stop: () -> Bool = { false }, _ request: @escaping @Sendable (Int) -> Void
  ) throws {
    guard rate > 0, rate.isFinite, seconds >= 0, queryTime >= 0 else {
      throw CheckSkipped(reason: "traffic needs a positive rate, and a length and query time of 0 or more")
    }
    alignWithMemcached()
    let traffic = Traffic(clock: clock)
    let previous = database.pace.withLock { pace in
      defer { pace = { traffic.hold(for: queryTime) } }
      return pace
    }
    defer { database.pace.withLock { $0 = previous } }
    let step = 1 / rate
    var sync = ServerTimeSync()
    for index in 0..<Int((seconds * rate).rounded()) where !stop() {
      traffic.arrive { request(index) }
      try traffic.settle(index)
      try sync.move(self, by: step)
      try traffic.settle(index)
    }
    var drained = 0.0
    while traffic.inFlight > 0 && drained < queryTime + 1 {
      try sync.move(self, by: step)
      try traffic.settle(nil)
      drained += step
    }
  }
}

extension CheckContext {
  /// On memcached the clock starts at the server's time in whole seconds, so up to a second
  /// behind it: enough to make the server drop a value a second before the check's clock says it
  /// expires. Traffic needs the two together: once per check, this waits for the server's second
  /// to tick over (at most a second) and moves the clock to it.
  func alignWithMemcached() {
    guard backend == .memcached, servers.clock, workerIndex == nil,
      !alignedWithServer.exchange(true, ordering: .relaxed),
      let first = Self.memcachedTime(servers)
    else { return }
    let deadline = ContinuousClock.now + .seconds(2)
    while ContinuousClock.now < deadline {
      guard let now = Self.memcachedTime(servers) else { return }
      if now != first {
        if now > clock.now() { clock.advance(by: now - clock.now()) }
        return
      }
      usleep(200)
    }
  }
}

/// The requests of `sendTraffic` in flight, and those of them held in a query: each waits on a
/// semaphore of its own until the clock reaches the moment its query ends.
final class Traffic: Sendable {
  private struct Hold {
    var until: Double
    var wake: DispatchSemaphore
  }
  private struct State {
    var inFlight = 0
    var held: [Int: Hold] = [:]
    var nextHold = 0
  }
  private let state = Mutex(State())
  private let clock: ManualClock
  /// How long a request may take to finish or reach a query, in wall seconds.
  static let patience = 5.0
  /// How close to its end a query counts as over: the clock is Unix seconds, around 1.8e9, where
  /// a double resolves about a quarter of a microsecond and thousands of small steps add up.
  static let tolerance = 1e-4

  init(clock: ManualClock) { self.clock = clock }

  /// Requests that arrived and have not finished.
  var inFlight: Int { state.withLock { $0.inFlight } }

  /// Starts a request on a thread of its own.
  func arrive(_ request: @escaping @Sendable () -> Void) {
    state.withLock { $0.inFlight += 1 }
    Thread.detachNewThread { [self] in
      request()
      state.withLock { $0.inFlight -= 1 }
    }
  }

  /// Holds the calling request until the clock has moved `seconds` on.
  func hold(for seconds: Double) {
    let wake = DispatchSemaphore(value: 0)
    let until = clock.now() + seconds
    state.withLock { state in
      state.held[state.nextHold] = Hold(until: until, wake: wake)
      state.nextHold += 1
    }
    wake.wait()
  }

  /// Lets go of the held requests whose query has ended by now.
  private func wakeDue() {
    let now = clock.now()
    let due = state.withLock { state in
      let due = state.held.filter { $0.value.until <= now + Self.tolerance }
      for ticket in due.keys { state.held.removeValue(forKey: ticket) }
      return due.values.map(\.wake)
    }
    for wake in due { wake.signal() }
  }

  /// Wakes the requests whose query has ended, then waits until every request in flight is held
  /// in a query that has not: nothing more happens until time moves.
  func settle(_ index: Int?) throws {
    wakeDue()
    let deadline = ContinuousClock.now + .seconds(Self.patience)
    while true {
      let settled = state.withLock { $0.inFlight == $0.held.count }
      if settled {
        // A request that was running may have been held since: wake it if its query is over.
        let due = state.withLock { state in
          state.held.values.contains { $0.until <= clock.now() + Self.tolerance }
        }
        if !due { return }
        wakeDue()
        continue
      }
      guard ContinuousClock.now < deadline else {
        throw CheckFailure(
          expected: "every request to finish, or to wait for a query, within \(Int(Self.patience)) s",
          got: index.map { "request \($0) still running" } ?? "a request still running",
          why: "The checks move time only once every request in flight is done or waiting for the "
            + "database; a request that waits for something else (a sleep, a loop on the cache) "
            + "never lets time move on.")
      }
      usleep(20)
    }
  }
}

/// Keeps the servers' clocks with the check's while traffic moves it in small steps: a test clock
/// is the wall clock plus what it was moved by, so each move gives the servers the step less the
/// wall time that passed since the last one (a debt, when the wall ran faster, paid later).
struct ServerTimeSync {
  private var owed = 0.0
  private var last = ContinuousClock.now

  /// Moves the servers first: a request held in a query wakes when the check's clock moves, and
  /// what it then stores must count its timeout from the servers' new time, not the old one.
  mutating func move(_ context: CheckContext, by step: Double) throws {
    let now = ContinuousClock.now
    let passed = last.duration(to: now).components
    last = now
    owed += step - (Double(passed.seconds) + Double(passed.attoseconds) / 1e18)
    let milliseconds = Int(owed * 1000)
    if milliseconds > 0 {
      try context.advanceServers(milliseconds: milliseconds)
      owed -= Double(milliseconds) / 1000
    }
    context.clock.advance(by: step)
  }
}
