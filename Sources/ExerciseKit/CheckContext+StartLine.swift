import Foundation
import Glibc

extension CheckContext {
  /// Holds a worker until `count` workers of the check have called it, or `seconds` have passed,
  /// so their requests start at one moment instead of as each process happens to come up. The
  /// line is drawn in the run's files, which every worker reaches whatever the backend (memory
  /// caches are per process, so a line in the cache would not do). In the check itself, with no
  /// worker index, it returns at once.
  public func waitForWorkers(_ count: Int, seconds: Double = 5) throws {
    guard let workerIndex else { return }
    let line = files + "/" + name + ".start-line"
    try FileManager.default.createDirectory(atPath: line, withIntermediateDirectories: true)
    let mark = open(line + "/\(workerIndex)", O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
    guard mark >= 0 else {
      throw CheckSkipped(reason: "could not draw the workers' start line in \(line)")
    }
    close(mark)
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1_000))
    while ContinuousClock.now < deadline {
      let arrived = (try? FileManager.default.contentsOfDirectory(atPath: line).count) ?? 0
      if arrived >= count { return }
      usleep(1_000)
    }
  }
}
