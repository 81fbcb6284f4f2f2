import CacheKit
import ExerciseKit

/// The key of a post's view counter.
private func viewsKey(_ postID: Int) -> String { "views:post:\(postID)" }

/// Counts one view of a post and returns the count after it. `add` creates the counter only when it
/// is absent, and `incr` adds in one step on the server, so concurrent processes lose no view.
func recordView(of postID: Int, cache: any Cache) throws -> Int {
  _ = try cache.add(viewsKey(postID), 0, timeout: .never)
  return try cache.incr(viewsKey(postID))
}

/// How many views a post has had: 0 when it has none.
func viewCount(of postID: Int, cache: any Cache) throws -> Int {
  try cache.get(viewsKey(postID), as: Int.self) ?? 0
}

/// A member's profile, cached for 300 seconds.
func profile(of userID: Int, cache: any Cache, database: SlowDatabase) throws -> User {
  try cache.getOrSet("user:\(userID)", timeout: 300) { try database.user(id: userID) }
}

/// Renames a member and deletes the cached profile, for every process that shares the cache.
func rename(user userID: Int, to name: String, cache: any Cache, database: SlowDatabase) throws {
  try database.renameUser(id: userID, to: name)
  _ = try cache.delete("user:\(userID)")
}
