import CacheServer
import RESP
import TestSupport
import Testing

/// A value that cannot fit under maxmemory is refused with OOM, as Redis refuses it: at once under
/// noeviction, and after evicting what the policy may evict otherwise. Our server always; a real
/// redis-server beside it when installed, which must give the same replies.
@Suite("Redis front end: maxmemory refuses what cannot fit", .serialized)
struct RedisMaxMemoryTests {
  private static let megabyte = 1 << 20
  private static let oom = RESPValue.error(
    Array("OOM command not allowed when used memory > 'maxmemory'.".utf8))

  /// The replies to a run under `policy` with maxmemory 16mb: five 1 MB keys (one with a TTL), then
  /// SETs of 25 MB and 10 MB, each followed by DBSIZE. (Redis counts an argument of 32 KB or more
  /// twice, so 10 MB does not fit either; a size near the limit depends on what its query buffers keep
  /// from earlier commands, so none is tried.)
  private func replies(_ client: RedisReplyReader, policy: String) throws -> [RESPValue?] {
    var replies: [RESPValue?] = []
    replies.append(try client.call(["FLUSHALL"]))
    replies.append(try client.call(["CONFIG", "SET", "maxmemory", "16mb"]))
    replies.append(try client.call(["CONFIG", "SET", "maxmemory-policy", policy]))
    for index in 0..<5 {
      replies.append(try client.call(["SET", "k\(index)", String(repeating: "x", count: Self.megabyte)]))
    }
    replies.append(try client.call(["EXPIRE", "k0", "100"]))
    for size in [25, 10] {
      replies.append(try client.call(["SET", "big", String(repeating: "y", count: size * Self.megabyte)]))
      replies.append(try client.call(["DBSIZE"]))
    }
    return replies
  }

  @Test(
    "a 25 MB value under 16mb is refused, after evicting everything evictable",
    arguments: [
      "noeviction", "allkeys-lru", "volatile-lru",
    ])
  func oversizedValue(policy: String) throws {
    let ours = try RunningServer(RedisServer.Options.forTests())
    let mine = try replies(RedisReplyReader(port: ours.port), policy: policy)
    // SET of 25 MB, then DBSIZE: refused, with only what the policy could not evict left.
    #expect(mine[9] == Self.oom)
    let left: Int64 = policy == "noeviction" ? 5 : policy == "volatile-lru" ? 4 : 0
    #expect(mine[10] == .integer(left))
    guard let executable = RequiredPeer.redis() else { return }
    let peer = try PeerServer(.redis, executable: executable)
    let real = try replies(RedisReplyReader(port: peer.port), policy: policy)
    #expect(
      mine == real,
      "ours \(mine.map { $0?.readable ?? "nothing" }) real \(real.map { $0?.readable ?? "nothing" })")
  }
}
