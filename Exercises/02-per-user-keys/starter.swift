import CacheKit
import ExerciseKit

/// One member's dashboard: their profile and their posts.
///
/// This caches every member's dashboard under the same key, so whoever comes first is shown to
/// everyone after them. Give each member a key of their own, "dashboard:<id>", kept for 300 s.
func dashboard(for userID: Int, cache: any Cache, database: SlowDatabase) throws -> Dashboard {
  try cache.getOrSet("dashboard", timeout: 300) {
    Dashboard(user: try database.user(id: userID), posts: database.posts(byUser: userID))
  }
}
