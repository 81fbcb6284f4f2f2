import CacheKit
import ExerciseKit

/// How long each kind of data may be cached. The task's `cached` and `startSession`, compiled with
/// this file, ask it for every value they store.
///
/// Every kind gets the cache's default, 300 s, which suits none of them. Settings never expire on
/// their own, rates live 600 s, tokens are not kept (0), and sessions last 1800 s.
func timeout(for kind: DataKind) -> CacheTimeout {
  .default
}

/// The session under "session:<id>", or nil. A read should slide its expiry with touch.
func session(id: String, cache: any Cache) throws -> Session? {
  try cache.get("session:\(id)", as: Session.self)
}
