import Glibc

extension SlowDatabase {
  /// Makes every query from now on hold its caller for `seconds` of wall time, as a heavy report
  /// does, so that requests arriving meanwhile overlap it: what a stampede check needs. The
  /// query is logged when it begins; 0 or less makes queries instant again.
  public func holdEachQuery(seconds: Double) {
    let held = seconds.isFinite ? min(seconds, 60) : 0
    let whole = Int(held)
    let nanoseconds = Int((held - Double(whole)) * 1e9)
    guard held > 0 else {
      pace.withLock { $0 = nil }
      return
    }
    pace.withLock {
      $0 = {
        var wait = timespec(tv_sec: whole, tv_nsec: nanoseconds)
        var left = timespec()
        while nanosleep(&wait, &left) != 0 && errno == EINTR { wait = left }
      }
    }
  }
}
