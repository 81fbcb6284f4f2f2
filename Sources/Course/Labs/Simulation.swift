/// What a lab shows: one or more series over a shared x axis, and a few lines of findings.
public struct LabReport: Sendable, Equatable {
  public var title: String
  /// What the x axis counts, e.g. "hit ratio (%)".
  public var xLabel: String
  /// The unit of the y values, e.g. "ms".
  public var yUnit: String
  public var xValues: [Double]
  public var series: [(name: String, values: [Double])]
  /// Whether each x value is a bucket of its own (queries in one second): drawn as steps, not interpolated.
  public var steps: Bool
  /// Selected points worth reading as numbers: a label and a value per row.
  public var table: [(label: String, value: Double)]
  public var findings: [String]

  public init(
    title: String, xLabel: String, yUnit: String, xValues: [Double],
    series: [(name: String, values: [Double])],
    table: [(label: String, value: Double)], findings: [String], steps: Bool = false
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yUnit = yUnit
    self.xValues = xValues
    self.series = series
    self.table = table
    self.findings = findings
    self.steps = steps
  }

  public static func == (a: LabReport, b: LabReport) -> Bool {
    a.title == b.title && a.xValues == b.xValues && a.series.map(\.name) == b.series.map(\.name)
      && a.series.map(\.values) == b.series.map(\.values) && a.findings == b.findings
      && a.steps == b.steps
  }
}

/// A small, deterministic simulation a lesson's lab block runs by name.
public struct Simulation: Sendable {
  public var name: String
  /// One line on what the simulation shows, for `dev labs` and authors choosing a lab.
  public var summary: String
  public var run: @Sendable () -> LabReport
}

/// The simulations lessons can name.
public enum Simulations {
  public static let all: [Simulation] = [
    Simulation(
      name: "hit-ratio-latency",
      summary: "average latency as the hit ratio grows from 0 to 100%, a 2 ms cache before a 200 ms query",
      run: HitRatioLatency.run),
    Simulation(
      name: "cache-aside-queries",
      summary: "database queries per second with and without cache-aside, as the cache warms up",
      run: CacheAsideQueries.run),
    Simulation(
      name: "ttl-staleness",
      summary:
        "hit rate and stale reads for TTLs from 1 s to 1 h, reads and occasional edits, no invalidation",
      run: TTLStaleness.run),
    Simulation(
      name: "culling",
      summary: "hit rate by MAX_ENTRIES for the same skewed reads: LRU cull (memory) against random (file)",
      run: Culling.run),
    Simulation(
      name: "local-vs-shared",
      summary: "four real processes reading and writing through memory caches of their own, then one shared "
        + "Redis: hit rate and stale reads",
      run: ProcessLabs.localVsShared.run),
    Simulation(
      name: "stampede",
      summary: "database queries per second as a hot key expires under steady traffic: no protection, a lock "
        + "with add, early refresh (XFetch)",
      run: Stampede.run),
    Simulation(
      name: "sharding",
      summary: "share of 20,000 keys that change servers when a 5th joins 4 or 1 of 5 fails: hash % n, "
        + "ketama's ring, rendezvous",
      run: Sharding.run),
    Simulation(
      name: "two-level",
      summary: "four real processes with a memory cache in front of one shared Redis, local timeouts 0 to "
        + "30 s: memory and shared hits, reads reaching Redis, stale reads",
      run: ProcessLabs.twoLevel.run),
  ]

  public static func named(_ name: String) -> Simulation? { all.first { $0.name == name } }
}
