import Glibc

/// The servers' time in milliseconds since the Unix epoch, plus an offset that only the test-only clock
/// command moves, so graders can expire keys without sleeping.
///
/// A front end pins the wall clock while it runs a batch of commands, as Redis snapshots its time per
/// event-loop pass: one clock read serves the batch and every command in it sees the same instant.
public struct StoreClock: Sendable {
  /// Added to the wall clock; changed only by the test-only clock command.
  public private(set) var offsetMilliseconds: Int64 = 0
  private var pinnedWall: Int64?

  public init() {}

  public func now() -> Int64 {
    (pinnedWall ?? Self.wallMilliseconds()) + offsetMilliseconds
  }

  /// The latest time the clock may be moved to: far beyond any real date, and far enough below
  /// `Int64.max` that the wall clock's growth and a TTL added to `now()` cannot overflow.
  public static let latest = Int64.max / 4

  /// Moves the server's time forward by `milliseconds`; false, with the time unchanged, when that
  /// would take it past `latest` (or backwards).
  @discardableResult
  public mutating func advance(byMilliseconds milliseconds: Int64) -> Bool {
    guard milliseconds >= 0, milliseconds <= Self.latest - now() else { return false }
    offsetMilliseconds += milliseconds
    return true
  }

  /// Reads the wall clock once and answers `now()` from that reading until `unpin()`.
  public mutating func pin() {
    pinnedWall = Self.wallMilliseconds()
  }

  /// Makes `now()` read the wall clock again.
  public mutating func unpin() {
    pinnedWall = nil
  }

  static func wallMilliseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1_000 + Int64(spec.tv_nsec) / 1_000_000
  }
}
