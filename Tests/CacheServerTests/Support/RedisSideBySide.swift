import CacheServer
import TestSupport
import Testing

/// A real redis-server and ours, each with a connection, for differential tests that send both the same
/// commands and compare the replies. The servers stop when it is released.
struct RedisSideBySide {
  /// The connection to the real redis-server, and the one to ours.
  let real: RedisReplyReader
  let mine: RedisReplyReader
  private let peer: PeerServer
  private let ours: RunningServer

  /// Both servers (ours with `options`), or nil after saying why redis-server cannot run.
  static func start(
    _ options: RedisServer.Options = .forTests(), sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Self? {
    guard let executable = RequiredPeer.redis(sourceLocation: sourceLocation) else { return nil }
    return try Self(peer: PeerServer(.redis, executable: executable), ours: RunningServer(options))
  }

  private init(peer: PeerServer, ours: RunningServer) throws {
    self.peer = peer
    self.ours = ours
    real = try RedisReplyReader(port: peer.port)
    mine = try RedisReplyReader(port: ours.port)
  }
}
