import CacheKit
import ExerciseKit

/// A member's profile. Right now it queries the database on every read: keep it in this process's
/// memory (`local`) for 5 seconds, in front of the shared cache (`shared`), where it lives 300 seconds.
func profile(of userID: Int, local: any Cache, shared: any Cache, database: SlowDatabase) throws -> User {
  return try database.user(id: userID)
}

/// Renames a member. Right now every cached copy stays as it was: delete "user:<id>" from the shared
/// cache and from this process's memory, after the database write.
func rename(
  user userID: Int, to name: String, local: any Cache, shared: any Cache, database: SlowDatabase
) throws {
  try database.renameUser(id: userID, to: name)
}
