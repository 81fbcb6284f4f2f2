import TestSupport
import Testing

@Suite("Conformance: peers")
struct PeerPresenceTests {
  @Test("a real redis-server is there for the conformance suite, or the skip is reported")
  func realRedisPresent() {
    guard RedisPeer.executable() == nil else { return }
    if RedisPeer.requirePeers {
      Issue.record("redis-server is not installed, and CACHELINGS_REQUIRE_PEERS=1 requires it")
    } else {
      print("skipped: the conformance suite on a real redis-server (apt-get install redis-server)")
    }
  }
}

extension PeerPresenceTests {
  @Test("a real memcached is there for the conformance suite, or the skip is reported")
  func realMemcachedPresent() {
    guard MemcachedPeer.executable() == nil else { return }
    if PeerProcess.requirePeers {
      Issue.record("memcached is not installed, and CACHELINGS_REQUIRE_PEERS=1 requires it")
    } else {
      print("skipped: the conformance suite on a real memcached (apt-get install memcached)")
    }
  }
}
