/// What the store does when a write would take it over its memory limit (Redis's maxmemory-policy), in
/// the order Redis lists them.
///
/// The two LFU policies are accepted, so configurations written for Redis load, and evict by recency
/// like their LRU counterparts: this store keeps no access counts.
public enum EvictionPolicy: String, Sendable, CaseIterable {
  /// Remove the least recently used keys among those with a TTL.
  case volatileLRU = "volatile-lru"
  /// Redis: the least frequently used keys with a TTL. Here: as volatile-lru.
  case volatileLFU = "volatile-lfu"
  /// Remove random keys among those with a TTL.
  case volatileRandom = "volatile-random"
  /// Remove the key with a TTL that expires soonest, of a small random sample.
  case volatileTTL = "volatile-ttl"
  /// Remove the least recently used keys, any of them.
  case allKeysLRU = "allkeys-lru"
  /// Redis: the least frequently used keys. Here: as allkeys-lru.
  case allKeysLFU = "allkeys-lfu"
  /// Remove random keys.
  case allKeysRandom = "allkeys-random"
  /// Refuse writes with an out-of-memory error (Redis's default).
  case noEviction = "noeviction"
}
