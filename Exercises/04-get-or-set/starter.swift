import CacheKit
import ExerciseKit

/// A member's public profile.
///
/// getOrSet(_:default:) takes a value, so the query runs before the call, on every lookup, and a
/// missing member is asked for again each time. Use getOrSet with a closure, keep found members
/// under "member:<id>" for 300 s, and remember a "no" under "member-missing:<id>" for 30 s.
func member(id: Int, cache: any Cache, database: SlowDatabase) throws -> User {
  try cache.getOrSet("member:\(id)", default: database.user(id: id), timeout: 300)
}
