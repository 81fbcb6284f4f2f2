import TestSupport
import Testing

/// The conformance suite runs on real servers only where they are installed; these checks make a
/// missing one visible (a printed skip, or a failure under CACHELINGS_REQUIRE_PEERS=1).
@Suite("Conformance: peers")
struct PeerPresenceTests {
  @Test("a real redis-server is there for the conformance suite, or the skip is reported")
  func realRedisPresent() {
    _ = RequiredPeer.redis()
  }

  @Test("a real memcached is there for the conformance suite, or the skip is reported")
  func realMemcachedPresent() {
    _ = RequiredPeer.memcached()
  }
}
