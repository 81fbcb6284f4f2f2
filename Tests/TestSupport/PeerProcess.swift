import Foundation

#if canImport(Glibc)
import Glibc
import Primitives
#endif

/// A real server (redis-server, memcached) run as a child process on a free loopback port for one
/// test, killed and reaped when released. Immutable after init, so tests may share one.
public final class PeerProcess: @unchecked Sendable {
  public let port: UInt16
  private let process: Process

  /// The process's id, for reading its memory from /proc.
  public var processIdentifier: Int32 { process.processIdentifier }

  /// True when CI asked for missing peers to fail tests instead of skipping them.
  public static var requirePeers: Bool {
    ProcessInfo.processInfo.environment["CACHELINGS_REQUIRE_PEERS"] == "1"
  }

  /// The first of `candidates` that is an executable file.
  public static func executable(_ candidates: [String]) -> String? {
    candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Starts `executable` with the arguments `arguments(port)` gives for a free port, and waits until
  /// it accepts connections.
  public init(executable: String, arguments: (UInt16) -> [String]) throws {
    port = try Self.freePort()
    process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments(port)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    for _ in 0..<100 {
      if Self.accepts(port) { return }
      usleep(20_000)
    }
    throw PeerError.didNotStart
  }

  /// SIGKILL, then reaps it. Not SIGTERM: the child inherits the signal mask of the thread that spawned
  /// it, test threads block SIGTERM, and so the server would never see it. Peers keep no data to save.
  deinit {
    let pid = process.processIdentifier
    kill(pid, SIGKILL)
    for _ in 0..<400 {
      let reaped = waitpid(pid, nil, WNOHANG)
      if reaped == pid || reaped < 0 { return }
      usleep(5_000)
    }
  }

  /// Whether something accepts connections on the loopback `port`.
  static func accepts(_ port: UInt16) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }

  public static func freePort() throws -> UInt16 {
    guard let port = LoopbackPort.free() else { throw PeerError.noFreePort }
    return port
  }

  public enum PeerError: Error {
    case didNotStart
    case noFreePort
  }
}
