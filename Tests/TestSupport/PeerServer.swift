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

  /// Loopback only and nothing saved; memcached with one worker thread and no UDP, as the differential
  /// tests and the benchmark compare.
  public init(_ wire: WireProtocol, executable: String, extraArguments: [String] = []) throws {
    process = try ServerProcess(executable: executable) { port in
      switch wire {
      case .redis:
        return [
          "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
          "--daemonize", "no", "--logfile", "/dev/null", "--dir", NSTemporaryDirectory(),
        ] + extraArguments
      case .memcached:
        return ["-p", String(port), "-l", "127.0.0.1", "-U", "0", "-t", "1", "-u", "root"] + extraArguments
      }
    }
  }
}
