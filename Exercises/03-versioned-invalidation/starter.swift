import CacheKit
import ExerciseKit

/// A member's profile.
///
/// This caches each profile under "user:<id>" for good, and a rename never touches the cache, so the
/// old name stays on screen. Keep a version under "user-version:<id>" (1 when missing), read profiles
/// from "user:<id>:v<version>", and bump the version with incr after the database write.
func profile(userID: Int, cache: any Cache, database: SlowDatabase) throws -> User {
  try cache.getOrSet("user:\(userID)", timeout: .never) {
    try database.user(id: userID)
  }
}

/// Changes a member's name.
func renameUser(id: Int, to name: String, cache: any Cache, database: SlowDatabase) throws {
  try database.renameUser(id: id, to: name)
}
