import CacheKit
import ExerciseKit

/// The five most liked posts, for the home page.
///
/// Right now every call runs the slow query. Look in `cache` under "top-posts" first, and on a miss
/// query the database and store the posts there for 60 seconds.
func topPosts(cache: any Cache, database: SlowDatabase) throws -> [Post] {
  return database.topPosts()
}
