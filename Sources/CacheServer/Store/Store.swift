import Primitives

/// Everything a server keeps: its databases, statistics, clock and memory limit. Value semantics; a
/// server owns one behind `SharedStore`'s lock.
public struct Store: Sendable {
  public var databases: [Keyspace]
  public var clock = StoreClock()
  public var statistics = StoreStatistics()
  /// The memory limit in bytes (by `Keyspace`'s estimate); 0 means none, as Redis's maxmemory.
  public var maxMemory = 0
  public var policy = EvictionPolicy.noEviction

  private var random = SplitMix64(seed: 0x5EED_CAC4_E11A_6500)

  /// A store with `databases` empty databases (Redis has 16, memcached 1).
  public init(databases: Int) {
    self.databases = Array(repeating: Keyspace(), count: databases)
  }

  /// The estimated bytes all entries take.
  public var memoryUsed: Int { databases.reduce(0) { $0 + $1.memoryUsed } }

  /// Keys removed by expiry in every database, for Redis's expired_keys.
  public var expiredTotal: UInt64 { databases.reduce(0) { $0 + $1.expiredCount } }

  public var isOverMemoryLimit: Bool { maxMemory > 0 && memoryUsed > maxMemory }

  /// Evicts by the policy until the store, plus `incoming` bytes a command holds, is within its memory
  /// limit; false when it cannot get there (noeviction, or nothing left to evict), and then a write must
  /// be refused. A value bigger than the limit is thus refused after everything evictable is gone, as
  /// Redis counts the command's arguments in its used memory.
  public mutating func enforceMemoryLimit(incoming: Int = 0) -> Bool {
    guard maxMemory > 0 else { return true }
    var used = memoryUsed + incoming
    while used > maxMemory {
      guard let (database, position) = evictionCandidate() else { return false }
      let before = databases[database].memoryUsed
      databases[database].remove(position)
      used -= before - databases[database].memoryUsed
      statistics.evicted += 1
    }
    return true
  }

  /// Redis's active expiry cycle: per database, samples 20 keys with a TTL and removes the expired,
  /// again while more than a tenth of a sample had expired, up to `maxRounds` rounds per database.
  public mutating func expireCycle(now: Int64, maxRounds: Int = 16) {
    for database in databases.indices where databases[database].volatileCount > 0 {
      for _ in 0..<maxRounds {
        let (checked, removed) = databases[database].expireSample(20, now: now, using: &random)
        if checked == 0 || removed * 10 <= checked { break }
      }
    }
  }

  private mutating func evictionCandidate() -> (Int, Int32)? {
    switch policy {
    case .noEviction:
      return nil
    case .allKeysLRU, .volatileLRU, .allKeysLFU, .volatileLFU:
      // Evict from the fullest database: each keeps its own recency order.
      guard let database = databases.indices.max(by: { databases[$0].memoryUsed < databases[$1].memoryUsed }),
        databases[database].count > 0
      else { return nil }
      if policy == .volatileLRU || policy == .volatileLFU {
        return databases[database].volatileCount > 0 ? volatileSample(database) : nil
      }
      return databases[database].evictionCandidate().map { (database, $0) }
    case .allKeysRandom:
      guard let database = databases.indices.first(where: { databases[$0].count > 0 }) else { return nil }
      return databases[database].randomPosition(using: &random).map { (database, $0) }
    case .volatileRandom:
      guard let database = databases.indices.first(where: { databases[$0].volatileCount > 0 }) else {
        return nil
      }
      return volatileSample(database)
    case .volatileTTL:
      guard let database = databases.indices.first(where: { databases[$0].volatileCount > 0 }) else {
        return nil
      }
      // Redis samples maxmemory-samples (5) keys and evicts the one closest to expiring.
      var soonest: Int32?
      for _ in 0..<5 {
        guard let (_, position) = volatileSample(database) else { break }
        if soonest.map({
          databases[database].entry(at: position).expiresAt < databases[database].entry(at: $0).expiresAt
        })
          ?? true
        {
          soonest = position
        }
      }
      return soonest.map { (database, $0) }
    }
  }

  private mutating func volatileSample(_ database: Int) -> (Int, Int32)? {
    databases[database].randomVolatilePosition(using: &random).map { (database, $0) }
  }
}
