import CacheKit
import ExerciseKit

/// One member's dashboard: their profile and their posts, cached per member for 5 minutes.
func dashboard(for userID: Int, cache: any Cache, database: SlowDatabase) throws -> Dashboard {
  try cache.getOrSet("dashboard:\(userID)", timeout: 300) {
    Dashboard(user: try database.user(id: userID), posts: database.posts(byUser: userID))
  }
}
