import CacheKit
import Glibc
import TestSupport
import Testing

@Suite("RedisCache: locations, degradation and pooling")
struct RedisCacheTests {
  /// A loopback port with nothing listening: bound, then closed.
  private func closedPort() -> UInt16 { LoopbackPort.free() ?? 1 }

  @Test("redis:// URLs as redis-py reads them")
  func locations() {
    #expect(RedisLocation(url: "redis://127.0.0.1:6380") == RedisLocation(port: 6380))
    #expect(
      RedisLocation(url: "redis://:secret@10.0.0.1:7000/3")
        == RedisLocation(host: "10.0.0.1", port: 7000, database: 3, password: "secret"))
    #expect(RedisLocation(url: "redis://localhost") == RedisLocation(host: "localhost"))
    #expect(RedisLocation(url: "http://127.0.0.1") == nil)
    #expect(RedisLocation(url: "redis://127.0.0.1:notaport") == nil)
  }

  @Test("with ignoreErrors, a server that is down reads as misses and writes as no-ops")
  func degradation() throws {
    let cache = RedisCache(
      location: RedisLocation(port: closedPort()), socketTimeout: 0.5, ignoreErrors: true,
      options: CacheOptions(warnings: .silent))
    #expect(try cache.get("k") == nil)
    try cache.set("k", .text("v"))
    #expect(try cache.add("k", .text("v")) == false)
    #expect(try cache.getMany(["a", "b"]).isEmpty)
    #expect(try cache.setMany(["a": .text("1")]) == ["a"])
    #expect(try cache.getOrSet("k") { .text("computed") } == .text("computed"))
  }

  @Test("without ignoreErrors, a server that is down is an error that says where")
  func failure() {
    let port = closedPort()
    let cache = RedisCache(location: RedisLocation(port: port), socketTimeout: 0.5)
    do {
      _ = try cache.get("k")
      Issue.record("a get against a closed port succeeded")
    } catch {
      #expect("\(error)".contains("cannot connect to Redis at 127.0.0.1:\(port)"))
    }
  }

  @Test("a cache on a database other than 0 keeps its keys there")
  func databaseSelection() throws {
    let server = try RunningServer(.forTests())
    let db0 = RedisCache(location: RedisLocation(port: server.port))
    let db5 = RedisCache(location: RedisLocation(port: server.port, database: 5))
    try db5.set("k", .text("five"))
    #expect(try db0.get("k") == nil)
    #expect(try db5.get("k") == .text("five"))
    try db0.clear()
    #expect(try db5.get("k") == .text("five"))
  }

  @Test("many tasks share the pool without losing an increment")
  func concurrentIncr() async throws {
    let server = try RunningServer(.forTests())
    let cache = RedisCache(location: RedisLocation(port: server.port))
    try cache.set("hits", 0)
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask { for _ in 0..<200 { _ = try? cache.incr("hits") } }
      }
    }
    #expect(try cache.get("hits", as: Int.self) == 1_600)
  }
}
