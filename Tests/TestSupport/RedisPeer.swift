import Foundation
import ServerAttacks

/// A real redis-server on a free loopback port for one test, stopped when released. `executable()` is
/// nil when redis-server is not installed: tests then skip visibly, and in CI
/// (CACHELINGS_REQUIRE_PEERS=1) a missing peer is a failure instead.
public final class RedisPeer: Sendable {
  private let peer: ServerProcess
  public var port: UInt16 { peer.port }
  /// The server's process id, for reading its memory from /proc.
  public var processIdentifier: Int32 { peer.processIdentifier }

  public static func executable() -> String? {
    RequiredPeer.executable(["/usr/bin/redis-server", "/usr/local/bin/redis-server"])
  }

  public init(executable: String, extraArguments: [String] = []) throws {
    peer = try ServerProcess(executable: executable) { port in
      [
        "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
        "--daemonize", "no", "--logfile", "/dev/null", "--dir", NSTemporaryDirectory(),
      ] + extraArguments
    }
  }
}
