import TestSupport
import Testing

@testable import CacheKit

/// MemcachedCache's default placement against pymemcache's HashClient itself, as Django 5.2's
/// PyMemcacheCache builds it (Tests/Peers/pymemcache_placement_peer.py): the same server for every
/// key, and a pool of our memcached servers that Django and CacheKit share without missing each
/// other's keys.
@Suite("Key placement against Django's PyMemcacheCache and pymemcache")
struct PymemcachePlacementDifferentialTests {
  struct Case: Encodable {
    var location: [String]
    var prefix: String
    var version: Int
    var keys: [String]
  }

  struct PlaceRequest: Encodable {
    var op = "place"
    var cases: [Case]
  }

  struct PlaceAnswer: Decodable {
    var servers: [[String]]
  }

  struct WriteRequest: Encodable {
    var op = "write"
    var location: [String]
    var items: [String: String]
  }

  struct ReadRequest: Encodable {
    var op = "read"
    var location: [String]
    var keys: [String]
  }

  struct ReadAnswer: Decodable {
    var values: [String: String]
  }

  /// Pools of 2 to 5 servers, with their prefix and version: IP addresses, names, a port left out
  /// (11211, as pymemcache fills it in) and unusual ports.
  static let pools: [(servers: [String], prefix: String, version: Int)] = [
    (["10.0.0.1:11211", "10.0.0.2:11211"], "", 1),
    (["127.0.0.1:11211", "127.0.0.1:11212", "cache.internal"], "site", 2),
    (["memcached-a:11211", "memcached-b:11211", "memcached-c:11211", "memcached-d:11211"], "", 1),
    (["10.1.0.5:11211", "10.1.0.6:22122", "localhost", "10.1.0.8:11211", "mc5.example.com:1"], "naïve", 7),
  ]

  /// Seeded keys Django accepts for memcached: ASCII, Latin-1, code points above 255 (whose low byte
  /// is all pymemcache hashes), astral ones, lengths from empty up to the 250-byte limit.
  static func keys(count: Int, seed: UInt64, head: String) -> [String] {
    var random = SplitMix64(seed: seed)
    let pieces = [
      "user", ":", "42", "-", "_", ".", "/", "a", "Z", "9", "session", "é", "ß", "ÿ", "Ā", "Ω", "日本", "🙂",
      "%", "{}", "#", "~",
    ]
    return (0..<count).map { index in
      let target = index % 20 == 0 ? 200 + random.below(60) : random.below(40)
      var key = index == 0 ? "" : "k\(index)"
      while key.unicodeScalars.count < target {
        let piece = pieces[random.below(pieces.count)]
        guard (head + key + piece).utf8.count <= 250 else { break }
        key += piece
      }
      return key
    }
  }

  @Test("10,000 keys on each of 2, 3, 4 and 5 servers go where pymemcache puts them")
  func sameServerAsPymemcache() throws {
    let cases = Self.pools.enumerated().map { index, pool in
      Case(
        location: pool.servers, prefix: pool.prefix, version: pool.version,
        keys: Self.keys(count: 10_000, seed: UInt64(22 + index), head: "\(pool.prefix):\(pool.version):"))
    }
    guard let answer = try PymemcachePeer.ask(PlaceRequest(cases: cases), as: PlaceAnswer.self) else {
      return
    }
    #expect(answer.servers.count == cases.count)
    for (pool, theirs) in zip(cases, answer.servers) {
      let location = try MemcachedLocation(parsing: pool.location)
      let options = CacheOptions(keyPrefix: pool.prefix, version: pool.version)
      let cache = MemcachedCache(location: location, options: options)
      let ketama = MemcachedCache(location: location, placement: .ketama, options: options)
      #expect(theirs.count == pool.keys.count)
      var mismatches = 0
      var ketamaMismatches = 0
      var counts: [String: Int] = [:]
      for (key, theirServer) in zip(pool.keys, theirs) {
        let mine = try cache.server(for: key).description
        counts[mine, default: 0] += 1
        if try ketama.server(for: key).description != theirServer { ketamaMismatches += 1 }
        if mine != theirServer {
          mismatches += 1
          if mismatches <= 5 {
            Issue.record("\(key.debugDescription): \(mine), but pymemcache \(theirServer)")
          }
        }
      }
      #expect(
        mismatches == 0, "\(pool.location.count) servers: \(mismatches) of \(pool.keys.count) keys differ")
      #expect(counts.count == pool.location.count, "every server holds keys: \(counts)")
      #expect(
        ketamaMismatches > pool.keys.count / 3, "ketama's ring would put \(ketamaMismatches) keys elsewhere")
    }
    let all = cases.flatMap(\.keys)
    #expect(all.count == 40_000)
    #expect(all.contains { $0.unicodeScalars.contains { $0.value > 0xFF } })
    #expect(all.contains { $0.utf8.count > 200 })
  }

  @Test("Django and CacheKit share a pool of three of our memcached servers: each reads what the other wrote")
  func sharedPool() throws {
    let servers = try (0..<3).map { _ in try RunningServer(memcached: .forTests()) }
    let location = servers.map { "127.0.0.1:\($0.port)" }
    let keys = Self.keys(count: 600, seed: 2_222, head: ":1:").filter { !$0.isEmpty }
    let djangoKeys = Array(keys[..<300])
    let swiftKeys = Array(keys[300...])
    let djangoItems = Dictionary(djangoKeys.map { ($0, "django \($0)") }, uniquingKeysWith: { $1 })
    let write = WriteRequest(location: location, items: djangoItems)
    guard try PymemcachePeer.ask(write, as: [String: [String]].self) != nil else { return }

    let cache = MemcachedCache(location: try MemcachedLocation(parsing: location))
    var missed = 0
    for (key, value) in djangoItems where try cache.get(key, as: String.self) != value { missed += 1 }
    #expect(missed == 0, "CacheKit missed \(missed) of \(djangoItems.count) keys Django wrote")
    let ketama = MemcachedCache(location: try MemcachedLocation(parsing: location), placement: .ketama)
    let ketamaHits = try ketama.getMany(Array(djangoItems.keys), as: String.self).count
    #expect(ketamaHits < djangoItems.count * 2 / 3, "ketama's ring finds \(ketamaHits) of Django's keys")

    let swiftItems = Dictionary(swiftKeys.map { ($0, "cachekit \($0)") }, uniquingKeysWith: { $1 })
    #expect(try cache.setMany(swiftItems).isEmpty)
    let read = try #require(
      try PymemcachePeer.ask(
        ReadRequest(location: location, keys: Array(swiftItems.keys)), as: ReadAnswer.self))
    let unread = swiftItems.filter { read.values[$0.key] != $0.value }.count
    #expect(unread == 0, "Django missed \(unread) of \(swiftItems.count) keys CacheKit wrote")

    for server in servers {
      let alone = MemcachedCache(location: MemcachedLocation(servers: [.init(port: server.port)]))
      let held = try alone.getMany(keys, as: String.self).count
      #expect(held > 60, "one server holds \(held) of \(keys.count) keys")
    }
  }
}
