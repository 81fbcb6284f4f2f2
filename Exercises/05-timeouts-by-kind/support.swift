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
