import CacheKit
import Foundation
import Synchronization

extension CheckContext {
  /// Runs body while the check's time runs as a wall clock's does: every few milliseconds the
  /// clock moves by the wall time that passed, so values and locks of the memory and file caches
  /// expire while code waits for real (a request polling for a lock, a query held by
  /// `holdEachQuery`). The servers' clocks need no help: their test clock is the wall clock plus
  /// the offset `advance(seconds:)` adds, so it runs anyway. A worker calls it too, for its own
  /// clock.
  public func letTimeRun<T>(_ body: () throws -> T) rethrows -> T {
    let ticker = ClockTicker(clock)
    defer { ticker.stop() }
    return try body()
  }
}

/// A thread that moves a manual clock by the wall time passed since its last move, every few
/// milliseconds, until stopped.
final class ClockTicker: Sendable {
  private let running = Atomic(true)
  private let stopped = DispatchSemaphore(value: 0)
  /// How long the ticker sleeps between moves.
  static let interval = 0.005

  init(_ clock: ManualClock) {
    Thread.detachNewThread { [self] in
      var last = ContinuousClock.now
      while running.load(ordering: .acquiring) {
        Thread.sleep(forTimeInterval: Self.interval)
        let now = ContinuousClock.now
        let passed = last.duration(to: now).components
        last = now
        clock.advance(by: Double(passed.seconds) + Double(passed.attoseconds) / 1e18)
      }
      stopped.signal()
    }
  }

  /// Stops the thread and waits for it, so the clock stands still once this returns.
  func stop() {
    running.store(false, ordering: .releasing)
    stopped.wait()
  }
}
