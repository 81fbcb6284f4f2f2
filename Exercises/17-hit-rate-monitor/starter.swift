import CacheKit

/// Runs `traffic` against `cache` and reports the hits and misses its lookups made.
///
/// Right now it reports nothing. On Redis (`cache as? RedisCache`), read INFO's keyspace
/// counters (`redis.info("stats")`) before and after; on memcached (`cache as? MemcachedCache`),
/// the get counters of `memcached.stats()`; on memory and file, which keep no counters, count the
/// lookups yourself.
func measureHits(
  on cache: any Cache, during traffic: (any Cache) throws -> Void
) throws -> HitReport {
  try traffic(cache)
  return HitReport(hits: 0, misses: 0, hitRate: nil)
}
