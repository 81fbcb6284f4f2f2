import CacheKit
import ExerciseKit

/// Member profiles, cached under "user:<id>" for 300 seconds, that keep coming from the database
/// when the cache server is down, with a circuit breaker so a dead server costs a few failed calls
/// every 30 seconds instead of one (or a whole timeout) per request.
final class ProfileReader {
  let cache: any Cache
  let database: SlowDatabase
  /// Failures in a row needed to open the breaker, and how long it stays open.
  private let threshold = 3
  private let openSeconds = 30.0
  /// Cache calls that failed in a row; a success sets it back to 0.
  private var failures = 0
  /// When the breaker last opened, on the cache's clock.
  private var openedAt: Double?

  init(cache: any Cache, database: SlowDatabase) {
    self.cache = cache
    self.database = database
  }

  func profile(of userID: Int) throws -> User {
    let key = "user:\(userID)"
    if let cached = cacheCall({ try cache.get(key, as: User.self) }) ?? nil {
      return cached
    }
    let user = try database.user(id: userID)
    _ = cacheCall { try cache.set(key, user, timeout: 300) }
    return user
  }

  /// Runs one cache call unless the breaker is open; nil when it was skipped or failed.
  private func cacheCall<T>(_ body: () throws -> T) -> T? {
    let now = cache.options.clock.now()
    if failures >= threshold, let opened = openedAt, now < opened + openSeconds {
      return nil
    }
    do {
      let result = try body()
      failures = 0
      openedAt = nil
      return result
    } catch {
      failures += 1
      if failures >= threshold { openedAt = now }
      return nil
    }
  }
}
