import CacheKit
import ExerciseKit

/// Counts one view of a post and returns the count after it.
///
/// Right now it counts nothing. Keep the count under "views:post:<id>" with no timeout, and make
/// sure two processes counting at the same time lose no view.
func recordView(of postID: Int, cache: any Cache) throws -> Int {
  return 0
}

/// How many views a post has had: 0 when it has none.
func viewCount(of postID: Int, cache: any Cache) throws -> Int {
  return 0
}

/// A member's profile. Right now it always queries: cache it under "user:<id>" for 300 seconds.
func profile(of userID: Int, cache: any Cache, database: SlowDatabase) throws -> User {
  return try database.user(id: userID)
}

/// Renames a member. Right now it leaves the cached profile as it was: delete "user:<id>" too.
func rename(user userID: Int, to name: String, cache: any Cache, database: SlowDatabase) throws {
  try database.renameUser(id: userID, to: name)
}
