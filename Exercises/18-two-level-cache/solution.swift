import CacheKit
import ExerciseKit

/// How long a profile stays in a process's memory: the longest another process's rename goes unseen.
private let localSeconds: CacheTimeout = 5
/// How long a profile stays in the shared cache: how long the database is spared.
private let sharedSeconds: CacheTimeout = 300

/// A member's profile: this process's memory, then the shared cache, then the database; each level
/// that missed is filled on the way back, memory for 5 seconds whatever level answered.
func profile(of userID: Int, local: any Cache, shared: any Cache, database: SlowDatabase) throws -> User {
  let key = "user:\(userID)"
  if let user = try local.get(key, as: User.self) { return user }
  let user = try shared.getOrSet(key, timeout: sharedSeconds) { try database.user(id: userID) }
  try local.set(key, user, timeout: localSeconds)
  return user
}

/// Renames a member: the database first, then the shared copy, so the next refill anywhere is fresh,
/// then this process's memory, so this process sees the new name at once. Other processes see it when
/// their memory copies expire, within 5 seconds.
func rename(
  user userID: Int, to name: String, local: any Cache, shared: any Cache, database: SlowDatabase
) throws {
  try database.renameUser(id: userID, to: name)
  _ = try shared.delete("user:\(userID)")
  _ = try local.delete("user:\(userID)")
}
