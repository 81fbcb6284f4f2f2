import CacheKit
import ExerciseKit

/// A hashtag's stats, cached for 10 minutes under "hashtag-stats:<tag>".
///
/// Right now any value the cache cannot turn into HashtagStats makes the page fail: a copy left by
/// version 1 of the type throws when read, and stats with no average (NaN) throw when stored.
/// Treat the first as a miss, and serve the second without caching it.
func hashtagStats(
  _ tag: String, cache: any Cache, database: SlowDatabase
) throws -> HashtagStats {
  let key = "hashtag-stats:\(tag)"
  if let cached = try cache.get(key, as: HashtagStats.self) {
    return cached
  }
  let stats = computeHashtagStats(tag, database: database)
  try cache.set(key, stats, timeout: 600)
  return stats
}
