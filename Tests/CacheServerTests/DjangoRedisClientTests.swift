import CacheServer
import Foundation
import TestSupport
import Testing

/// Django 5.2's own RedisCache and redis-py, run against our server by a Python script.
///
/// CI sets CACHELINGS_DJANGO_PYTHON to a Python with Django 5.2 and redis-py installed; elsewhere the
/// test says it skipped (and fails when CACHELINGS_REQUIRE_PEERS=1).
@Suite("Django's RedisCache and redis-py against our server")
struct DjangoRedisClientTests {
  @Test("Django's cache API and redis-py calls all behave")
  func djangoAndRedisPy() throws {
    let server = try RunningServer(.forTests())
    try DjangoCheck.run(
      backend: "django.core.cache.backends.redis.RedisCache", location: "redis://127.0.0.1:%d",
      imports: "import redis", checks: Self.checks, port: server.port, clients: "Django and redis-py")
  }

  /// RedisCache's own answers, then redis-py's calls.
  static let checks = #"""
    cache.set("ttl", 1, 30); check("touch None on ttl key", cache.touch("ttl", None), True)
    r = redis.Redis(port=PORT, protocol=3); check("redis-py RESP3 ping", r.ping(), True)
    check("redis-py info keyspace_hits present", "keyspace_hits" in r.info("stats"), True)
    p = r.pipeline(); p.set("x", "1"); p.incr("x"); p.get("x"); check("redis-py transaction", p.execute(), [True, 2, b"2"])
    r.client_setname("checker"); check("client getname", r.client_getname(), b"checker")
    """#
}
