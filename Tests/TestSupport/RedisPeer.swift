import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A real redis-server started on a free loopback port for one test, stopped when released. `executable()`
/// is nil when redis-server is not installed: tests then skip visibly, and in CI (CACHELINGS_REQUIRE_PEERS=1)
/// a missing peer is a failure instead.
/// Immutable after init (the process is only signalled), so it may be shared across tests.
public final class RedisPeer: @unchecked Sendable {
  public let port: UInt16
  private let process: Process

  public static var requirePeers: Bool {
    ProcessInfo.processInfo.environment["CACHELINGS_REQUIRE_PEERS"] == "1"
  }

  public static func executable() -> String? {
    ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  public init(executable: String, extraArguments: [String] = []) throws {
    port = try Self.freePort()
    process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments =
      [
        "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
        "--daemonize", "no", "--logfile", "/dev/null", "--dir", NSTemporaryDirectory(),
      ] + extraArguments
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
  /// it, test threads block SIGTERM, and so the server would never see it. It keeps no data to save.
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
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
        guard bind(descriptor, pointer, length) == 0 else { return -1 }
        return getsockname(descriptor, pointer, &length)
      }
    }
    guard bound == 0 else { throw PeerError.noFreePort }
    return UInt16(bigEndian: address.sin_port)
  }

  public enum PeerError: Error {
    case didNotStart
    case noFreePort
  }
}
