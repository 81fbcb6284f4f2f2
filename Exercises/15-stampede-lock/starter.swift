import CacheKit
import ExerciseKit
import Foundation

/// The week's popular posts, cached for 300 s under "popular-posts".
///
/// Plain cache-aside: every request that finds nothing runs the report. When the posts expire
/// under load, that is every request at once. Let one request, the one that wins the lock
/// "popular-posts:lock", run it, and make the others wait for its posts.
func popularPosts(cache: any Cache, database: SlowDatabase) throws -> [Post] {
  if let posts = try cache.get("popular-posts", as: [Post].self) { return posts }
  let posts = database.topPosts()
  try cache.set("popular-posts", posts, timeout: 300)
  return posts
}
