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

/// The session under "session:<id>", or nil; a read moves its expiry to 30 minutes from now.
func session(id: String, cache: any Cache) throws -> Session? {
  let key = "session:\(id)"
  guard let found = try cache.get(key, as: Session.self) else { return nil }
  try cache.touch(key, timeout: timeout(for: .session))
  return found
}
