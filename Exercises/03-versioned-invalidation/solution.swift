import CacheKit
import ExerciseKit

/// A member's profile, cached for a day under a key that carries the member's current version.
func profile(userID: Int, cache: any Cache, database: SlowDatabase) throws -> User {
  let version = try cache.getOrSet("user-version:\(userID)", timeout: .never) { 1 }
  return try cache.getOrSet("user:\(userID):v\(version)", timeout: 86_400) {
    try database.user(id: userID)
  }
}

/// Changes a member's name, then moves readers to a new key by bumping the member's version.
func renameUser(id: Int, to name: String, cache: any Cache, database: SlowDatabase) throws {
  try database.renameUser(id: id, to: name)
  let versionKey = "user-version:\(id)"
  try cache.add(versionKey, 1, timeout: .never)
  try cache.incr(versionKey)
}
