import Synchronization

/// A lab that runs real processes: the course's Redis-protocol server and worker processes of the
/// course's own binary. That machinery belongs to the command line, which installs it before it reads
/// the course; anywhere else (a test of the Course module, another tool) the lab says where it runs.
public final class ProcessLab: Sendable {
  /// The lab's name, as `cachelings lab` takes it.
  public let name: String
  /// What the lab starts, said when it cannot run here.
  let starts: String
  private let runner = Mutex<(@Sendable () -> LabReport)?>(nil)

  init(name: String, starts: String) {
    self.name = name
    self.starts = starts
  }

  /// Installs what runs the lab; the command line does this before it reads the course.
  public func install(_ run: @escaping @Sendable () -> LabReport) {
    runner.withLock { $0 = run }
  }

  /// The installed run's report, or a report that says where the lab runs.
  @Sendable func run() -> LabReport {
    if let run = runner.withLock({ $0 }) { return run() }
    return LabReport(
      title: "\(name) runs from the cachelings command", xLabel: "", yUnit: "", xValues: [], series: [],
      table: [], findings: ["It starts \(starts): `cachelings lab \(name)`."])
  }
}

/// The labs that run processes.
public enum ProcessLabs {
  /// Four workers reading and writing through memory caches of their own, then one shared Redis.
  public static let localVsShared = ProcessLab(
    name: "local-vs-shared",
    starts: "the course's Redis-protocol server and four processes of cachelings itself")
  /// Four workers with a memory cache in front of one shared Redis, at several local timeouts.
  public static let twoLevel = ProcessLab(
    name: "two-level", starts: "the course's Redis-protocol server and four processes of cachelings itself")
}
