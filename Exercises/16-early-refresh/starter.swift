import CacheKit
import ExerciseKit
import Foundation

/// The trending hashtags, cached for 20 s under "trending-tags".
///
/// Plain cache-aside: the tags are recomputed only once they have expired, so under steady
/// traffic every request that arrives during the recompute finds them missing and recomputes
/// too. Store a TrendingEntry (the tags, how long computing them took, when they expire) and
/// let each request decide, with `random`, to recompute a little before the expiry.
func trendingTags(
  cache: any Cache, database: SlowDatabase,
  random: inout some RandomNumberGenerator
) throws -> [String] {
  if let tags = try cache.get("trending-tags", as: [String].self) { return tags }
  let tags = database.trendingHashtags()
  try cache.set("trending-tags", tags, timeout: 20)
  return tags
}
