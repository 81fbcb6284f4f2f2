import Testing

/// The one place that decides what a test does when a real peer is missing: it says it skipped, or,
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

  private static func found(
    _ executable: String?, _ name: String, _ sourceLocation: SourceLocation
  ) -> String? {
    if executable == nil {
      if PeerProcess.requirePeers {
        Issue.record("\(name) is not installed, and CI requires it", sourceLocation: sourceLocation)
      }
      print("skipped: \(name) is not installed (apt-get install \(name))")
    }
    return executable
  }
}
