import CacheKit
import Glibc
import RESP
import TestSupport
import Testing

/// RedisCache.info and MemcachedCache.stats, on our servers and on the real ones: the counters move
/// by exactly the lookups made, summed over the servers, so two readings give a period's hit rate.
@Suite("Server statistics: Redis INFO and memcached stats")
struct ServerStatisticsTests {
  /// The backends with a server to ask.
  static let servers = ConformanceBackend.available.filter {
    ![ConformanceBackend.memory, .file].contains($0)
  }
  static let redisServers = servers.filter { !$0.isMemcached }
  static let memcachedServers = servers.filter(\.isMemcached)

  /// Hits and misses as the servers count them, added up over every server of the cache.
  private func counters(_ cache: any Cache) throws -> (hits: Int, misses: Int) {
    let (readings, hits, misses) =
      if let redis = cache as? RedisCache {
        (try redis.info("stats"), "keyspace_hits", "keyspace_misses")
      } else {
        (try (cache as! MemcachedCache).stats(), "get_hits", "get_misses")
      }
    return readings.reduce((0, 0)) { total, server in
      (total.0 + Int(server[hits] ?? "-1")!, total.1 + Int(server[misses] ?? "-1")!)
    }
  }

  /// How far the counters moved while `body` ran.
  private func delta(_ cache: any Cache, _ body: () throws -> Void) throws -> (hits: Int, misses: Int) {
    let before = try counters(cache)
    try body()
    let after = try counters(cache)
    return (after.hits - before.hits, after.misses - before.misses)
  }

  @Test("between two readings, the counters move by the keys looked up", arguments: servers)
  func countersMoveByLookups(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache!
    for key in ["a", "b", "c"] { try cache.set(key, "value of \(key)") }
    _ = try cache.get("a")  // earlier traffic, which the difference must leave out
    let moved = try delta(cache) {
      for key in ["a", "b", "c", "absent-1", "absent-2"] { _ = try cache.get(key) }
      let found = try cache.getMany(["a", "b", "absent-3"])
      #expect(found.count == 2)
      try cache.set("d", "written, not looked up")
      _ = try cache.delete("d")
    }
    #expect(moved.hits == 5, "3 gets and 2 keys of getMany found a value")
    #expect(moved.misses == 3, "2 gets and 1 key of getMany found nothing; writes count neither")
  }

  @Test("getOrSet on a missing key is a miss and then a hit, as Django's get_or_set", arguments: servers)
  func getOrSetCountsTwoLookups(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache!
    let cold = try delta(cache) { _ = try cache.getOrSet("page", timeout: 60) { "rendered" } }
    #expect(cold == (1, 1), "get (miss), add, get again (hit)")
    let warm = try delta(cache) { _ = try cache.getOrSet("page", timeout: 60) { "rendered" } }
    #expect(warm == (1, 0))
  }

  @Test("Redis counts lookups by read commands only, as Redis 7.0 does", arguments: redisServers)
  func redisCountsReadCommands(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache as! RedisCache
    let raw = RawRedis(port: cache.location.port)
    try cache.set("n", 1)
    var answers: [Bool] = []
    let reads = try delta(cache) {
      answers = [try cache.hasKey("n"), try cache.hasKey("absent")]  // EXISTS
      _ = raw.call("TTL", ":1:n")
      _ = raw.call("TYPE", ":1:absent")
      _ = raw.call("MGET", ":1:n", ":1:n", ":1:absent")
    }
    #expect(answers == [true, false])
    #expect(reads == (4, 3), "EXISTS, TTL, TYPE and each key of MGET count")
    let writes = try delta(cache) {
      try cache.set("m", 2)
      _ = try cache.touch("m", timeout: 60)  // EXPIRE
      _ = raw.call("INCRBY", ":1:m", "1")
      _ = try cache.delete("m")
    }
    #expect(writes == (0, 0), "SET, EXPIRE, INCRBY and DEL are writes")
    let increment = try delta(cache) { _ = try cache.incr("n") }
    #expect(increment == (1, 0), "Django's incr sends EXISTS before INCRBY: one hit")
  }

  @Test("memcached counts each key of a get, and neither touch nor incr", arguments: memcachedServers)
  func memcachedCountsGets(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache!
    try cache.set("n", 1)
    let moved = try delta(cache) {
      _ = try cache.touch("n", timeout: 60)
      _ = try cache.incr("n")
      _ = try cache.hasKey("n")  // a get, as in Django
      _ = try cache.getMany(["n", "absent"])
    }
    #expect(moved == (2, 1))
  }

  @Test("INFO sections come as name: value, one dictionary per server", arguments: redisServers)
  func redisInfoSections(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache as! RedisCache
    try cache.set("kept", "x", timeout: .never)
    try cache.set("expiring", "y", timeout: 60)
    let stats = try cache.info("stats")
    #expect(stats.count == 1)
    #expect(stats[0]["keyspace_hits"] != nil && stats[0]["evicted_keys"] != nil)
    #expect(stats[0]["used_memory"] == nil, "only the section asked for")
    let both = try cache.info("stats", "memory")[0]
    #expect(both["keyspace_misses"] != nil && Int(both["used_memory"] ?? "") != nil)
    let keyspace = try cache.info("keyspace")[0]
    #expect(
      keyspace["db0"]?.hasPrefix("keys=2,expires=1,") == true, "the value keeps what follows the first colon")
    let all = try cache.info()[0]
    #expect(all["redis_version"] != nil && all["keyspace_hits"] != nil)
    #expect(all.keys.allSatisfy { !$0.hasPrefix("#") && !$0.isEmpty })
  }

  @Test("CONFIG RESETSTAT zeroes the counters for every reader", arguments: redisServers)
  func redisResetStat(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache as! RedisCache
    _ = try cache.get("absent")
    #expect(try counters(cache).misses >= 1)
    _ = RawRedis(port: cache.location.port).call("CONFIG", "RESETSTAT")
    #expect(try counters(cache) == (0, 0))
  }

  @Test("stats: one dictionary per server, and what they hold adds up", arguments: memcachedServers)
  func memcachedStatsPerServer(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache as! MemcachedCache
    for index in 0..<12 { try cache.set("item-\(index)", "value \(index)") }
    let stats = try cache.stats()
    #expect(stats.count == cache.location.servers.count)
    let items = stats.reduce(0) { $0 + Int($1["curr_items"] ?? "-1")! }
    #expect(items == 12, "each server counts only the keys that hash to it")
    #expect(stats.allSatisfy { $0["version"]?.hasPrefix("1.6") == true && $0["limit_maxbytes"] != nil })
    let settings = try cache.stats("settings")
    #expect(settings.allSatisfy { Int($0["item_size_max"] ?? "") != nil })
  }

  @Test("stats reset zeroes the counters; a bad argument is an error", arguments: memcachedServers)
  func memcachedResetAndBadArguments(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache as! MemcachedCache
    try cache.set("kept", "x")
    _ = try cache.get("kept")
    #expect(try cache.stats("reset").allSatisfy(\.isEmpty))
    #expect(try counters(cache) == (0, 0))
    #expect(throws: CacheError.self) { try cache.stats("no-such-kind") }
    #expect(throws: CacheError.self) { try cache.stats("cachedump 1 2") }  // ITEM lines, not STAT
    #expect(try cache.stats("items").count == cache.location.servers.count)
    #expect(throws: CacheError.self) { try cache.stats("settings\r\nflush_all") }
    #expect(try cache.get("kept", as: String.self) == "x", "the line break never reached the server")
  }

  @Test("a server that cannot be reached is an error, even with ignoreErrors")
  func unreachableServer() throws {
    // A port held bound but not listening: every connection to it is refused.
    let (descriptor, port) = try #require(LoopbackPort.bound())
    defer { close(descriptor) }
    let redis = RedisCache(location: RedisLocation(port: port), socketTimeout: 1, ignoreErrors: true)
    #expect(try redis.get("k") == nil, "a read degrades to a miss")
    #expect(throws: CacheError.self) { try redis.info("stats") }
    let memcached = MemcachedCache(
      location: MemcachedLocation(servers: [.init(port: port)]), socketTimeout: 1)
    #expect(throws: CacheError.self) { try memcached.stats() }
  }
}
