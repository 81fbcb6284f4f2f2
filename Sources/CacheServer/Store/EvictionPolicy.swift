/// What the store does when a write would take it over its memory limit (Redis's maxmemory-policy).
public enum EvictionPolicy: String, Sendable, CaseIterable {
  /// Refuse writes with an out-of-memory error (Redis's default).
  case noEviction = "noeviction"
  /// Remove the least recently used keys, any of them.
  case allKeysLRU = "allkeys-lru"
  /// Remove random keys.
  case allKeysRandom = "allkeys-random"
  /// Remove the least recently used keys among those with a TTL.
  case volatileLRU = "volatile-lru"
  /// Remove random keys among those with a TTL.
  case volatileRandom = "volatile-random"
}
