import CacheKit

/// The kinds of data the site caches, each with a lifetime of its own. The task gives it to the
/// learner; the grader compiles it with the learner's file.
enum DataKind: CaseIterable, Sendable {
  /// The site's name, feature flags and footer links.
  case siteSettings
  /// The currency exchange rates prices are shown with.
  case exchangeRates
  /// One-time sign-in tokens, sent in login links by email.
  case oneTimeToken
  /// A signed-in visitor's session.
  case session
}

/// A signed-in visitor's session, kept only in the cache.
struct Session: Codable, Equatable, Sendable {
  var id: String
  var userID: Int
}

/// Cache-aside on `key`, with the kind's timeout from the learner's table. The task gives it, so the
/// table is the one place a lifetime is set.
func cached<V: Codable>(
  _ kind: DataKind, key: String, cache: any Cache, load: () throws -> V
) throws -> V {
  try cache.getOrSet(key, timeout: timeout(for: kind)) { try load() }
}

/// Stores a new session under "session:<id>", for the session's timeout from the learner's table. The
/// task gives it.
func startSession(_ session: Session, cache: any Cache) throws {
  try cache.set("session:\(session.id)", session, timeout: timeout(for: .session))
}
