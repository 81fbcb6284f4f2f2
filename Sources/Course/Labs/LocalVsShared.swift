import Synchronization

/// The `local-vs-shared` lab: four real worker processes read and write the same items, first each
/// through a memory cache of its own, then all through the course's Redis-protocol server. Its machinery
/// (the server, processes of the course's own binary) belongs to the command line, which installs it;
/// anywhere else the lab says where it runs.
public enum LocalVsShared {
  private static let runner = Mutex<(@Sendable () -> LabReport)?>(nil)

  /// Installs what runs the lab; the command line does this before it reads the course.
  public static func install(_ run: @escaping @Sendable () -> LabReport) {
    runner.withLock { $0 = run }
  }

  @Sendable static func run() -> LabReport {
    if let run = runner.withLock({ $0 }) { return run() }
    return LabReport(
      title: "local-vs-shared runs from the cachelings command", xLabel: "", yUnit: "", xValues: [],
      series: [],
      table: [],
      findings: [
        "It starts the course's Redis-protocol server and four processes of cachelings itself: "
          + "`cachelings lab local-vs-shared`."
      ])
  }
}
