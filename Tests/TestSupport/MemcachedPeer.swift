import ServerAttacks

/// A real memcached on a free loopback port for one test, stopped when released; `executable()` is nil
/// when memcached is not installed (tests skip, or fail under CACHELINGS_REQUIRE_PEERS=1).
public final class MemcachedPeer: Sendable {
  private let peer: ServerProcess
  public var port: UInt16 { peer.port }
  /// The server's process id, for reading its memory from /proc.
  public var processIdentifier: Int32 { peer.processIdentifier }

  public static func executable() -> String? {
    RequiredPeer.executable(["/usr/bin/memcached", "/usr/local/bin/memcached"])
  }

  /// One worker thread, no UDP, 64 MB, as the differential tests and the benchmark compare.
  public init(executable: String, extraArguments: [String] = []) throws {
    peer = try ServerProcess(executable: executable) { port in
      ["-p", String(port), "-l", "127.0.0.1", "-U", "0", "-t", "1", "-u", "root"] + extraArguments
    }
  }
}
