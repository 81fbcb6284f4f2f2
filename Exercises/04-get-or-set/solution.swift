import CacheKit
import ExerciseKit

/// A member's public profile: found members cached for 5 minutes, a "no such member" for 30 s,
/// a failed query not at all.
func member(id: Int, cache: any Cache, database: SlowDatabase) throws -> User {
  let missingKey = "member-missing:\(id)"
  if try cache.hasKey(missingKey) {
    throw SlowDatabase.NotFound(what: "user \(id)")
  }
  do {
    return try cache.getOrSet("member:\(id)", timeout: 300) {
      try database.user(id: id)
    }
  } catch let notFound as SlowDatabase.NotFound {
    try cache.set(missingKey, true, timeout: 30)
    throw notFound
  }
}
