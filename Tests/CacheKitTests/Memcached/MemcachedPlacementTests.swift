import Testing

@testable import CacheKit

@Suite("MemcachedCache's placements: pymemcache's rendezvous hashing and ketama's ring")
struct MemcachedPlacementTests {
  @Test("MurmurHash3 x86_32 gives pymemcache's murmur3_32 values, seeds included")
  func murmur3() {
    let vectors: [(String, UInt32, UInt32)] = [
      ("", 0, 0), ("", 1, 1_364_076_727), ("a", 0, 1_009_084_850), ("ab", 0, 2_613_040_991),
      ("abc", 0, 3_017_643_002), ("abcd", 0, 1_139_631_978), ("hello", 0, 613_153_351),
      ("hello", 1, 3_142_237_357), ("127.0.0.1:11211-:1:key", 0, 1_989_752_470),
    ]
    for (text, seed, expected) in vectors {
      #expect(
        Murmur3.hash32(Array(text.utf8), seed: seed) == expected, "\(text.debugDescription) seed \(seed)")
    }
  }

  @Test("a key is hashed as pymemcache reads a str: the low byte of each code point, not UTF-8")
  func characterBytes() {
    #expect(RendezvousHash.characterBytes("é") == [0xE9])
    #expect(RendezvousHash.characterBytes("Āÿ") == [0x00, 0xFF])
    #expect(RendezvousHash.characterBytes("日本🙂x") == [0xE5, 0x2C, 0x42, 0x78])
    // pymemcache's murmur3_32 of these strings, as printed by Python.
    #expect(Murmur3.hash32(RendezvousHash.characterBytes("é")) == 1_153_881_266)
    #expect(Murmur3.hash32(RendezvousHash.characterBytes("日本🙂x")) == 711_789_186)
    #expect(Murmur3.hash32(RendezvousHash.characterBytes("Āÿ")) == 3_712_929_428)
    #expect(Murmur3.hash32(Array("é".utf8)) != 1_153_881_266)
  }

  @Test("the scores lesson 13 shows for :1:user:42 are pymemcache's")
  func lessonExample() {
    // pymemcache 4.0's murmur3_32 of f"{node}-{key}", as printed by Python.
    let scores = [
      "10.0.0.21:11211": 1_895_322_335, "10.0.0.22:11211": 1_050_391_893, "10.0.0.23:11211": 2_346_177_041,
    ]
    for (server, score) in scores {
      #expect(Murmur3.hash32(RendezvousHash.characterBytes("\(server)-:1:user:42")) == UInt32(score))
    }
    #expect(Murmur3.hash32(RendezvousHash.characterBytes("10.0.0.24:11211-:1:user:42")) == 815_978_119)
    let three = ["10.0.0.21:11211", "10.0.0.22:11211", "10.0.0.23:11211"]
    #expect(KeyPlacer(.pymemcache, servers: three).server(for: CacheKey(":1:user:42")) == 2)
    #expect(
      KeyPlacer(.pymemcache, servers: three + ["10.0.0.24:11211"]).server(for: CacheKey(":1:user:42")) == 2)
    #expect(
      KeyPlacer(.pymemcache, servers: ["10.0.0.21:11211", "10.0.0.22:11211"]).server(
        for: CacheKey(":1:user:42")) == 0)
  }

  @Test("adding a fourth server moves about a quarter of the keys, only to it, under both placements")
  func consistentHashing() {
    let names = ["10.0.0.1:11211", "10.0.0.2:11211", "10.0.0.3:11211"]
    for placement in MemcachedPlacement.allCases {
      let three = KeyPlacer(placement, servers: names)
      let four = KeyPlacer(placement, servers: names + ["10.0.0.4:11211"])
      let again = KeyPlacer(placement, servers: names)
      var counts = [0, 0, 0]
      var moved = 0
      for index in 0..<10_000 {
        let key = CacheKey(":1:user:\(index)")
        let before = three.server(for: key)
        counts[before] += 1
        #expect(again.server(for: key) == before)
        let after = four.server(for: key)
        if after != before {
          moved += 1
          #expect(after == 3, "\(placement): a key only ever moves to the new server")
        }
      }
      #expect(moved > 1_500 && moved < 3_500, "\(placement): \(moved) of 10,000 keys moved")
      #expect(counts.allSatisfy { $0 > 2_000 }, "\(placement): \(counts)")
    }
  }

  @Test("the two placements disagree on about two thirds of the keys over three servers")
  func placementsDiffer() {
    let names = ["10.0.0.1:11211", "10.0.0.2:11211", "10.0.0.3:11211"]
    let rendezvous = KeyPlacer(.pymemcache, servers: names)
    let ring = KeyPlacer(.ketama, servers: names)
    let keys = (0..<3_000).map { CacheKey(":1:k\($0)") }
    let differing = keys.filter { rendezvous.server(for: $0) != ring.server(for: $0) }.count
    #expect(differing > 1_700 && differing < 2_300, "\(differing) of 3,000")
  }

  @Test("a server listed twice is one server to pymemcache: its first entry wins")
  func duplicateServer() {
    let placer = KeyPlacer(.pymemcache, servers: ["a:1", "b:2", "a:1"])
    let servers = Set((0..<2_000).map { placer.server(for: CacheKey("key\($0)")) })
    #expect(servers == [0, 1])
  }

  @Test("server(for:) applies the cache's prefix and version, and refuses what memcached would")
  func serverForKey() throws {
    let location = try MemcachedLocation(parsing: "10.0.0.1:11211;10.0.0.2:11211;10.0.0.3:11211")
    let plain = MemcachedCache(location: location)
    let prefixed = MemcachedCache(location: location, options: CacheOptions(keyPrefix: "site", version: 2))
    let placer = KeyPlacer(.pymemcache, servers: location.servers.map(\.description))
    for index in 0..<200 {
      #expect(
        try plain.server(for: "k\(index)") == location.servers[placer.server(for: CacheKey(":1:k\(index)"))])
      #expect(
        try prefixed.server(for: "k\(index)", version: 5)
          == location.servers[placer.server(for: CacheKey("site:5:k\(index)"))])
    }
    #expect(MemcachedCache(location: location).placement == .pymemcache)
    #expect(throws: CacheError.self) { try plain.server(for: "with space") }
    #expect(throws: CacheError.self) { try plain.server(for: String(repeating: "é", count: 124)) }
  }
}
