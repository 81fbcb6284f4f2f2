import Foundation
import ServerAttacks

/// A real redis-server or memcached on a free loopback port for one test, stopped when released: the
/// peer a test compares ours with. `executable(_:)` is nil when the server is not installed: tests then
/// skip visibly (RequiredPeer), and in CI (CACHELINGS_REQUIRE_PEERS=1) a missing peer is a failure.
public final class PeerServer: Sendable {
  private let process: ServerProcess
  public var port: UInt16 { process.port }
  /// The server's process id, for reading its memory from /proc.
  public var processIdentifier: Int32 { process.processIdentifier }

  /// The installed redis-server or memcached, or nil.
  public static func executable(_ wire: WireProtocol) -> String? {
    let name = wire == .redis ? "redis-server" : "memcached"
    return ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// The real server of `wire` as `WireProtocol.realServerArguments` starts it, with `extraArguments`.
  public init(_ wire: WireProtocol, executable: String, extraArguments: [String] = []) throws {
    process = try ServerProcess(executable: executable) {
      wire.realServerArguments(port: $0) + extraArguments
    }
  }
}
