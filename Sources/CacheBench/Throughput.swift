/// Operations per second of a loop, measured as the best of a few timed runs.
struct Throughput {
  let seconds: Double
  let runs: Int

  /// Runs `operation(i)` for about `seconds` per run, `runs` times, and returns the best rate.
  func measure(_ operation: (Int) throws -> Void) rethrows -> Double {
    var best = 0.0
    for _ in 0..<runs {
      let clock = ContinuousClock()
      let start = clock.now
      var done = 0
      var batch = 1_000
      while true {
        for index in done..<(done + batch) { try operation(index) }
        done += batch
        let elapsed = Self.seconds(clock.now - start)
        if elapsed >= seconds {
          best = max(best, Double(done) / elapsed)
          break
        }
        if elapsed < seconds / 10 { batch *= 2 }
      }
    }
    return best
  }

  static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}
