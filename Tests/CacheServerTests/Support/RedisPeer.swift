import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A real redis-server started on a free loopback port for one test, stopped when released; nil (with
/// the reason) when redis-server is not installed. In CI (CACHELINGS_REQUIRE_PEERS=1) a missing peer is
/// a failure, not a skip.
final class RedisPeer {
  let port: UInt16
  private let process: Process

  static var requirePeers: Bool { ProcessInfo.processInfo.environment["CACHELINGS_REQUIRE_PEERS"] == "1" }

  static func executable() -> String? {
    ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  init(executable: String) throws {
    port = try Self.freePort()
    process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
      "--daemonize", "no", "--logfile", "/dev/null",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    for _ in 0..<100 {
      if (try? TestClient(port: port)) != nil { return }
      usleep(20_000)
    }
    throw PeerError.didNotStart
  }

  /// SIGTERM, then a bounded wait: Foundation's waitUntilExit can hang on Linux.
  deinit {
    let pid = process.processIdentifier
    kill(pid, SIGTERM)
    for _ in 0..<100 where process.isRunning { usleep(20_000) }
    if process.isRunning { kill(pid, SIGKILL) }
  }

  static func freePort() throws -> UInt16 {
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

  enum PeerError: Error {
    case didNotStart
    case noFreePort
  }
}
