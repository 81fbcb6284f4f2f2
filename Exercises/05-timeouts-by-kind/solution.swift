import CacheKit
import ExerciseKit

/// How long each kind of data may be cached: the site's one table of lifetimes.
func timeout(for kind: DataKind) -> CacheTimeout {
  switch kind {
  case .siteSettings: return .never
  case .exchangeRates: return 600
  case .oneTimeToken: return 0
  case .session: return 1800
  }
}

/// Cache-aside on `key`, with the kind's timeout.
func cached<V: Codable>(
  _ kind: DataKind, key: String, cache: any Cache, load: () throws -> V
) throws -> V {
  try cache.getOrSet(key, timeout: timeout(for: kind)) { try load() }
}

/// Stores a new session under "session:<id>" for the session's timeout.
func startSession(_ session: Session, cache: any Cache) throws {
  try cache.set("session:\(session.id)", session, timeout: timeout(for: .session))
}

/// The session under "session:<id>", or nil; a read moves its expiry to 30 minutes from now.
func session(id: String, cache: any Cache) throws -> Session? {
  let key = "session:\(id)"
  guard let found = try cache.get(key, as: Session.self) else { return nil }
  try cache.touch(key, timeout: timeout(for: .session))
  return found
}
