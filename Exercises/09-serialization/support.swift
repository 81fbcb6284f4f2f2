import CacheKit
import ExerciseKit

/// The numbers the hashtag page shows for one hashtag. This is version 2 of the type: version 1,
/// which the site ran until today's deploy, had a field `posts` instead of `postCount` and no
/// `averageLikes`, and its copies are still in the cache.
struct HashtagStats: Codable, Equatable, Sendable {
  var tag: String
  var postCount: Int
  /// The mean likes of the tag's posts: not a number (NaN) for a tag no post uses, since 0 / 0.
  var averageLikes: Double
}

/// Works out a hashtag's stats from every post: one slow query.
func computeHashtagStats(_ tag: String, database: SlowDatabase) -> HashtagStats {
  let posts = database.topPosts(limit: Int.max).filter { $0.hashtags.contains(tag) }
  let likes = posts.reduce(0) { $0 + $1.likes }
  return HashtagStats(
    tag: tag, postCount: posts.count, averageLikes: Double(likes) / Double(posts.count))
}
