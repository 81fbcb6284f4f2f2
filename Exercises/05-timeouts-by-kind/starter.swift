import CacheKit
import ExerciseKit

/// How long each kind of data may be cached.
///
/// Every kind gets the cache's default, 300 s, which suits none of them. Settings never expire on
/// their own, rates live 600 s, tokens are not kept (0), and sessions last 1800 s.
func timeout(for kind: DataKind) -> CacheTimeout {
  .default
}

/// Cache-aside on `key`, with the kind's timeout. Written for you: it asks the table.
func cached<V: Codable>(
  _ kind: DataKind, key: String, cache: any Cache, load: () throws -> V
) throws -> V {
  try cache.getOrSet(key, timeout: timeout(for: kind)) { try load() }
}

/// Stores a new session under "session:<id>", for the session's timeout. Written for you: it asks
/// the table.
func startSession(_ session: Session, cache: any Cache) throws {
  try cache.set("session:\(session.id)", session, timeout: timeout(for: .session))
}

/// The session under "session:<id>", or nil. A read should slide its expiry with touch.
func session(id: String, cache: any Cache) throws -> Session? {
  try cache.get("session:\(id)", as: Session.self)
}
