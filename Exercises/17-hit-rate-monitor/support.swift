import CacheKit

/// What one run of traffic did to the cache: the lookups that found a value, the lookups that
/// found nothing, and the share of lookups that were hits.
struct HitReport: Equatable, Sendable {
  /// Lookups that found a value (a key of `getMany` counts as one lookup).
  var hits: Int
  /// Lookups that found nothing.
  var misses: Int
  /// hits / (hits + misses), or nil when the run made no lookup at all.
  var hitRate: Double?
}
