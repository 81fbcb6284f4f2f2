import CacheKit
import ExerciseKit

/// Member profiles, cached under "user:<id>" for 300 seconds.
///
/// Right now a cache that is down turns every request into an error. Treat cache failures as
/// misses, and add a circuit breaker: after 3 failures in a row, skip the cache for 30 seconds of
/// `cache.options.clock`.
final class ProfileReader {
  let cache: any Cache
  let database: SlowDatabase

  init(cache: any Cache, database: SlowDatabase) {
    self.cache = cache
    self.database = database
  }

  func profile(of userID: Int) throws -> User {
    try cache.getOrSet("user:\(userID)", timeout: 300) {
      try database.user(id: userID)
    }
  }
}
