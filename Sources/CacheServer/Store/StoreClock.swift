#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The servers' time in milliseconds since the Unix epoch, plus an offset that only the test-only clock
/// command moves, so graders can expire keys without sleeping.
public struct StoreClock: Sendable {
  /// Added to the wall clock; changed only by the test-only clock command.
  public private(set) var offsetMilliseconds: Int64 = 0

  public init() {}

  public func now() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1_000 + Int64(spec.tv_nsec) / 1_000_000 + offsetMilliseconds
  }

  /// Moves the server's time forward by `milliseconds`.
  public mutating func advance(byMilliseconds milliseconds: Int64) {
    offsetMilliseconds += milliseconds
  }
}
