import CacheKit
import TestSupport
import Testing

/// RedisCache on several of our Redis servers routes as Django's RedisCache does: every write to the
/// first, every read to one of the others at random. The servers are independent here (no
/// replication), so where each key lands shows which server each call reached.
@Suite("RedisCache with several servers: writes to the first, reads from the others")
struct RedisReplicaRoutingTests {
  /// A cache on each server alone, to look at what it holds.
  private func alone(_ server: RunningServer) -> RedisCache {
    RedisCache(location: RedisLocation(port: server.port))
  }

  @Test("on two servers, writes land on the first and reads come from the second")
  func twoServers() throws {
    let servers = try (0..<2).map { _ in try RunningServer(.forTests()) }
    let (first, second) = (alone(servers[0]), alone(servers[1]))
    let cache = RedisCache(locations: servers.map { RedisLocation(port: $0.port) })
    #expect(cache.location == RedisLocation(port: servers[0].port))

    try cache.set("written", "by the pair")
    #expect(try first.get("written", as: String.self) == "by the pair")
    #expect(try second.get("written") == nil)
    #expect(try cache.get("written") == nil, "the read went to the second server, which never got the write")
    #expect(try cache.hasKey("written") == false)

    try second.set("replica-only", "from server 2")
    #expect(try cache.get("replica-only", as: String.self) == "from server 2")
    #expect(try cache.hasKey("replica-only"))
    #expect(
      try cache.getMany(["replica-only", "written"], as: String.self) == ["replica-only": "from server 2"])

    #expect(try cache.add("written", "again") == false, "add checks the first server")
    #expect(try cache.add("replica-only", "on the first"))
    #expect(try first.get("replica-only", as: String.self) == "on the first")
    #expect(try second.get("replica-only", as: String.self) == "from server 2")

    try first.set("counter", 10)
    try second.set("counter", 500)
    #expect(try cache.incr("counter", by: 5) == 15, "EXISTS and INCRBY both go to the first server")
    try second.set("second-counter", 1)
    #expect(throws: CacheError.self) { try cache.incr("second-counter") }

    #expect(try cache.setMany(["m1": "one", "m2": "two"]).isEmpty)
    #expect(try first.getMany(["m1", "m2"], as: String.self).count == 2)
    #expect(try second.getMany(["m1", "m2"], as: String.self).isEmpty)
    #expect(try cache.touch("written", timeout: 100))
    #expect(try cache.delete("written"))
    #expect(try first.get("written") == nil)
    try cache.deleteMany(["m1"])
    #expect(try first.get("m1") == nil)

    try cache.clear()
    #expect(try first.get("m2") == nil, "clear flushes the first server")
    #expect(try second.get("replica-only", as: String.self) == "from server 2", "and only the first")
  }

  @Test("on three servers, reads go to the second and third at random, never the first")
  func readsSpreadOverReplicas() throws {
    let servers = try (0..<3).map { _ in try RunningServer(.forTests()) }
    for (index, server) in servers.enumerated() { try alone(server).set("where", "server \(index + 1)") }
    let cache = RedisCache(locations: servers.map { RedisLocation(port: $0.port) })
    var seen: [String: Int] = [:]
    for _ in 0..<300 { seen[try cache.get("where", as: String.self) ?? "miss", default: 0] += 1 }
    #expect(Set(seen.keys) == ["server 2", "server 3"], "\(seen)")
    #expect(seen.values.allSatisfy { $0 > 90 }, "about half each: \(seen)")
  }

  @Test("one server takes both reads and writes, as before")
  func oneServer() throws {
    let server = try RunningServer(.forTests())
    let cache = RedisCache(locations: [RedisLocation(port: server.port)])
    try cache.set("k", "v")
    #expect(try cache.get("k", as: String.self) == "v")
    #expect(cache.locations.count == 1)
  }
}
