import TestSupport
import Testing

@testable import CacheKit

@Suite("MemcachedCache: locations, several servers, and memcached's rules")
struct MemcachedCacheTests {
  @Test("LOCATION strings and lists parse as Django reads them; bad ones say what is wrong")
  func locations() throws {
    let three = try MemcachedLocation(parsing: "10.0.0.1:11211; 10.0.0.2:11212,localhost")
    #expect(three.servers.map(\.description) == ["10.0.0.1:11211", "10.0.0.2:11212", "localhost:11211"])
    #expect(try MemcachedLocation(parsing: ["127.0.0.1:1", " 127.0.0.1:2 "]).servers.map(\.port) == [1, 2])
    for bad in ["", "host:port", "host:0", "unix:/tmp/memcached.sock", "a:1:2"] {
      #expect(throws: CacheError.self, "\(bad)") { try MemcachedLocation(parsing: bad) }
    }
  }

  @Test("timeouts: never is 0, 0 or less expires at once, over 30 days is an absolute time")
  func exptimes() {
    let clock = ManualClock(start: 1_800_000_000)
    let cache = MemcachedCache(options: CacheOptions(clock: clock))
    #expect(cache.exptime(.never) == 0)
    #expect(cache.exptime(.seconds(0)) == -1)
    #expect(cache.exptime(.seconds(0.5)) == -1)
    #expect(cache.exptime(.seconds(-10)) == -10)
    #expect(cache.exptime(.seconds(2_592_000)) == 2_592_000)
    #expect(cache.exptime(.seconds(2_592_001)) == 1_800_000_000 + 2_592_001)
  }

  @Test(
    "on a real memcached: a 40-day timeout keeps the key; a value too large fails and the old one is gone")
  func realServerRules() throws {
    guard let executable = RequiredPeer.memcached() else { return }
    let peer = try PeerServer(.memcached, executable: executable)
    let cache = MemcachedCache(
      location: MemcachedLocation(servers: [.init(port: peer.port)]),
      options: CacheOptions(clock: SystemClock()))
    try cache.set("long", .text("kept"), timeout: .seconds(40 * 24 * 3_600))
    #expect(try cache.get("long") == .text("kept"))
    try cache.set("big", .text("old"))
    #expect(throws: CacheError.self) {
      try cache.set("big", Array(repeating: UInt8(ascii: "x"), count: 2 << 20))
    }
    #expect(try cache.get("big") == nil)
  }

  @Test("three real servers each hold some of 300 keys, and getMany finds them all")
  func severalServers() throws {
    guard let executable = RequiredPeer.memcached() else { return }
    let peers = try (0..<3).map { _ in try PeerServer(.memcached, executable: executable) }
    let location = MemcachedLocation(servers: peers.map { .init(port: $0.port) })
    let cache = MemcachedCache(location: location)
    let items = (0..<300).map { ("key\($0)", $0) }
    #expect(try cache.setMany(Dictionary(uniqueKeysWithValues: items)).isEmpty)
    let found = try cache.getMany(items.map(\.0), as: Int.self)
    #expect(found.count == 300)
    for peer in peers {
      let alone = MemcachedCache(location: MemcachedLocation(servers: [.init(port: peer.port)]))
      let held = try alone.getMany(items.map(\.0), as: Int.self).count
      #expect(held > 30 && held < 200, "one server holds \(held) of 300")
    }
  }
}
