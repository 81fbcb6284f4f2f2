import Foundation
import ServerAttacks
import Testing

/// The one place that decides what a test does when a real peer (or tool) is missing: it says it skipped, or,
/// under CACHELINGS_REQUIRE_PEERS=1 (CI), records a failure.
public enum RequiredPeer {
  /// True when CI asked for missing peers to fail tests instead of skipping them.
  public static var isRequired: Bool {
    ProcessInfo.processInfo.environment["CACHELINGS_REQUIRE_PEERS"] == "1"
  }

  /// The redis-server to start, or nil after reporting why the test cannot run.
  public static func redis(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    server(.redis, sourceLocation: sourceLocation)
  }

  /// The memcached to start, or nil after reporting why the test cannot run.
  public static func memcached(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    server(.memcached, sourceLocation: sourceLocation)
  }

  /// The real server of `wire` to start, or nil after reporting why the test cannot run.
  public static func server(
    _ wire: WireProtocol, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String? {
    let name = wire == .redis ? "redis-server" : "memcached"
    return found(PeerServer.executable(wire), name, "apt-get install \(name)", sourceLocation)
  }

  /// The Python CI provides (Django 5.2, redis-py, pymemcache) from CACHELINGS_DJANGO_PYTHON, or nil
  /// after reporting that `check` cannot run.
  public static func djangoPython(
    for check: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String? {
    found(
      ProcessInfo.processInfo.environment["CACHELINGS_DJANGO_PYTHON"], check,
      "set CACHELINGS_DJANGO_PYTHON to a Python with Django 5.2", sourceLocation)
  }

  /// The sourcekit-lsp of the toolchain whose swiftc is compiler (else the first on PATH), or nil after
  /// reporting why the test cannot run.
  public static func sourceKitLSP(
    compiler: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let folders =
      [(compiler as NSString).deletingLastPathComponent] + path.split(separator: ":").map(String.init)
    let executable = folders.map { $0 + "/sourcekit-lsp" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    return found(
      executable, "sourcekit-lsp", "it comes with the Swift toolchain from swift.org", sourceLocation)
  }

  private static func found(
    _ peer: String?, _ name: String, _ remedy: String, _ sourceLocation: SourceLocation
  ) -> String? {
    if peer == nil {
      if isRequired {
        Issue.record("\(name) is not available, and CI requires it", sourceLocation: sourceLocation)
      }
      print("skipped: \(name) is not available (\(remedy))")
    }
    return peer
  }
}
