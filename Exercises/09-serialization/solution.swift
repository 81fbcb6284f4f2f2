import CacheKit
import ExerciseKit

/// A hashtag's stats, cached for 10 minutes under "hashtag-stats:<tag>".
///
/// A stored value that no longer decodes (left by an older version of HashtagStats, or not JSON at
/// all) is a miss: it is recomputed and overwritten. Stats that cannot be encoded (an average of
/// NaN) are returned without being cached: the cache is an optimisation, never a reason to fail.
func hashtagStats(
  _ tag: String, cache: any Cache, database: SlowDatabase
) throws -> HashtagStats {
  let key = "hashtag-stats:\(tag)"
  do {
    if let cached = try cache.get(key, as: HashtagStats.self) {
      return cached
    }
  } catch CacheError.decodingFailed {
    // A copy in an old shape: a miss. The set below replaces it.
  }
  let stats = computeHashtagStats(tag, database: database)
  do {
    try cache.set(key, stats, timeout: 600)
  } catch CacheError.encodingFailed {
    // JSON has no NaN: these stats cannot be cached, but the page can still show them.
  }
  return stats
}
