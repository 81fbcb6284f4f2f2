import Foundation
import Testing

/// The one place that decides what a test does when a real peer (or tool) is missing: it says it skipped, or,
/// under CACHELINGS_REQUIRE_PEERS=1 (CI), records a failure.
public enum RequiredPeer {
  /// The redis-server to start, or nil after reporting why the test cannot run.
  public static func redis(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    found(RedisPeer.executable(), "redis-server", sourceLocation)
  }

  /// The memcached to start, or nil after reporting why the test cannot run.
  public static func memcached(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    found(MemcachedPeer.executable(), "memcached", sourceLocation)
  }

  /// The sourcekit-lsp of the toolchain whose swiftc is compiler (else the first on PATH), or nil after
  /// reporting why the test cannot run.
  public static func sourceKitLSP(
    compiler: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let folders =
      [(compiler as NSString).deletingLastPathComponent] + path.split(separator: ":").map(String.init)
    return found(
      PeerProcess.executable(folders.map { $0 + "/sourcekit-lsp" }), "sourcekit-lsp", sourceLocation,
      install: "it comes with the Swift toolchain from swift.org")
  }

  private static func found(
    _ executable: String?, _ name: String, _ sourceLocation: SourceLocation, install: String? = nil
  ) -> String? {
    if executable == nil {
      if PeerProcess.requirePeers {
        Issue.record("\(name) is not installed, and CI requires it", sourceLocation: sourceLocation)
      }
      print("skipped: \(name) is not installed (\(install ?? "apt-get install \(name)"))")
    }
    return executable
  }
}
