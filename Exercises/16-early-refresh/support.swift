/// What the cache holds under "trending-tags": the tags, and what early refresh needs to decide
/// whether a request should recompute them before they expire.
struct TrendingEntry: Codable, Equatable, Sendable {
  /// The trending hashtags, as `database.trendingHashtags()` returned them.
  var tags: [String]
  /// How long computing them took, in seconds of the cache's clock: the recompute time.
  var delta: Double
  /// When the cache drops them: the moment they were stored plus their timeout, in the cache's
  /// clock's Unix seconds.
  var expiry: Double
}
