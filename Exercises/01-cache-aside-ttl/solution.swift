import CacheKit
import ExerciseKit

/// The five most liked posts, for the home page, cached for a minute.
func topPosts(cache: any Cache, database: SlowDatabase) throws -> [Post] {
  if let cached = try cache.get("top-posts", as: [Post].self) {
    return cached
  }
  let posts = database.topPosts()
  try cache.set("top-posts", posts, timeout: 60)
  return posts
}
