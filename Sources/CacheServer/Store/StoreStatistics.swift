/// The counters INFO and `stats` report.
public struct StoreStatistics: Sendable, Equatable {
  /// Reads that found a live key (Redis's keyspace_hits, memcached's get_hits).
  public var hits: UInt64 = 0
  /// Reads that found nothing (keyspace_misses, get_misses).
  public var misses: UInt64 = 0
  /// Keys removed because their time ran out, lazily or by the active cycle.
  public var expired: UInt64 = 0
  /// Keys removed to stay under the memory limit.
  public var evicted: UInt64 = 0

  public init() {}
}
