import CacheKit
import ExerciseKit
import Synchronization

/// Runs `traffic` against `cache` and reports the hits and misses its lookups made: from the
/// server's own counters on Redis and memcached (which see every process), and from a counting
/// wrapper on memory and file (which keep no counters).
func measureHits(
  on cache: any Cache, during traffic: (any Cache) throws -> Void
) throws -> HitReport {
  switch cache {
  case let redis as RedisCache:
    let before = try counters(redis.info("stats"), "keyspace_hits", "keyspace_misses")
    try traffic(redis)
    let after = try counters(redis.info("stats"), "keyspace_hits", "keyspace_misses")
    return report(hits: after.hits - before.hits, misses: after.misses - before.misses)
  case let memcached as MemcachedCache:
    let before = try counters(memcached.stats(), "get_hits", "get_misses")
    try traffic(memcached)
    let after = try counters(memcached.stats(), "get_hits", "get_misses")
    return report(hits: after.hits - before.hits, misses: after.misses - before.misses)
  default:
    let counting = CountingCache(wrapping: cache)
    try traffic(counting)
    let counts = counting.counts
    return report(hits: counts.hits, misses: counts.misses)
  }
}

/// A report with its hit rate: nil when there was no lookup.
func report(hits: Int, misses: Int) -> HitReport {
  let lookups = hits + misses
  return HitReport(
    hits: hits, misses: misses, hitRate: lookups == 0 ? nil : Double(hits) / Double(lookups))
}

/// Two counters added up over every server: each one counts only the lookups it served.
/// Throws when a server does not report one: a monitor that read it as 0 would report a period
/// with no lookups.
func counters(
  _ servers: [[String: String]], _ hitsName: String, _ missesName: String
) throws -> (hits: Int, misses: Int) {
  var total = (hits: 0, misses: 0)
  for (index, server) in servers.enumerated() {
    total.hits += try counter(hitsName, of: server, index)
    total.misses += try counter(missesName, of: server, index)
  }
  return total
}

/// One counter of one server's reading, or an error that names it.
func counter(_ name: String, of server: [String: String], _ index: Int) throws -> Int {
  guard let value = server[name].flatMap({ Int($0) }) else {
    throw MissingCounter(name: name, server: index, value: server[name])
  }
  return value
}

/// A counter a server's statistics lacked, or held as something other than a whole number.
struct MissingCounter: Error, CustomStringConvertible {
  let name: String
  let server: Int
  let value: String?

  var description: String {
    "server \(server) reports no counter \"\(name)\""
      + (value.map { " as a number (it holds \"\($0)\")" } ?? "")
  }
}

/// A cache that passes every call to the one it wraps (ExerciseKit's `ForwardingCache` forwards
/// the primitives) and counts its lookups: a get that finds a value is a hit, one that finds
/// nothing a miss. Every typed read (`get(_:as:)`, `getOrSet`) goes through `get` or `getMany`,
/// so it sees them all.
final class CountingCache: ForwardingCache {
  let store: any Cache
  private let tally = Mutex((hits: 0, misses: 0))

  init(wrapping cache: any Cache) { store = cache }

  /// The lookups so far.
  var counts: (hits: Int, misses: Int) { tally.withLock { $0 } }

  func get(_ key: CacheKey) throws -> [UInt8]? {
    let value = try store.get(key)
    tally.withLock { if value == nil { $0.misses += 1 } else { $0.hits += 1 } }
    return value
  }

  func getMany(_ keys: [CacheKey]) throws -> [CacheKey: [UInt8]] {
    let found = try store.getMany(keys)
    tally.withLock {
      $0.hits += found.count
      $0.misses += keys.count - found.count
    }
    return found
  }
}
