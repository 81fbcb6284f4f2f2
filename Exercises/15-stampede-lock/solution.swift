import CacheKit
import ExerciseKit
import Foundation

/// The week's popular posts, cached for 300 s. When they are missing, one request of all the
/// processes runs the report, the one whose add wins "popular-posts:lock"; the others read the
/// cache again every 20 ms until its posts are there. The lock expires after 1 s, so a holder that
/// dies frees it: the next round of a waiting request takes it and runs the report itself.
/// The winner reads the cache once more before the report, since the posts may have arrived
/// between its miss and its add.
func popularPosts(cache: any Cache, database: SlowDatabase) throws -> [Post] {
  let key = "popular-posts"
  let lockKey = "popular-posts:lock"
  while true {
    if let posts = try cache.get(key, as: [Post].self) { return posts }
    if try cache.add(lockKey, true, timeout: 1) {
      defer { _ = try? cache.delete(lockKey) }
      // The holder before us may have stored the posts between our get and our add.
      if let posts = try cache.get(key, as: [Post].self) { return posts }
      let posts = database.topPosts()
      try cache.set(key, posts, timeout: 300)
      return posts
    }
    Thread.sleep(forTimeInterval: 0.02)
  }
}
