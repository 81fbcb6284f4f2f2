import CacheKit
import ExerciseKit
import Foundation

/// The trending hashtags, cached for 20 s and recomputed early, with a probability that grows
/// as the expiry nears (XFetch): a request recomputes when
/// `now - delta * beta * ln(u) >= expiry`, u uniform in (0, 1] and beta 1. Requests decide on
/// their own, so under steady traffic one of them usually refreshes a few recompute times before
/// the expiry, and nobody finds the tags missing.
func trendingTags(
  cache: any Cache, database: SlowDatabase,
  random: inout some RandomNumberGenerator
) throws -> [String] {
  let key = "trending-tags"
  let clock = cache.options.clock
  let beta = 1.0
  let u = 1 - Double.random(in: 0..<1, using: &random)
  if let entry = try cache.get(key, as: TrendingEntry.self),
    clock.now() - entry.delta * beta * log(u) < entry.expiry
  {
    return entry.tags
  }
  let start = clock.now()
  let tags = database.trendingHashtags()
  let stored = clock.now()
  let entry = TrendingEntry(tags: tags, delta: stored - start, expiry: stored + 20)
  try cache.set(key, entry, timeout: 20)
  return tags
}
