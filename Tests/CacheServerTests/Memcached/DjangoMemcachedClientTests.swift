import CacheServer
import Foundation
import TestSupport
import Testing

/// Django 5.2's own PyMemcacheCache and pymemcache, run against our server by a Python script.
///
/// CI sets CACHELINGS_DJANGO_PYTHON to a Python with Django 5.2 and pymemcache installed; elsewhere the
/// test says it skipped (and fails when CACHELINGS_REQUIRE_PEERS=1).
@Suite("Django's PyMemcacheCache and pymemcache against our server")
struct DjangoMemcachedClientTests {
  @Test("Django's cache API and pymemcache calls all behave")
  func djangoAndPymemcache() throws {
    let server = try RunningServer(memcached: .forTests())
    try DjangoCheck.run(
      backend: "django.core.cache.backends.memcached.PyMemcacheCache", location: "127.0.0.1:%d",
      imports:
        "from django.core.cache.backends.base import InvalidCacheKey\nfrom pymemcache.client.base import Client",
      checks: Self.checks, port: server.port, clients: "Django and pymemcache")
  }

  /// PyMemcacheCache's own answers (memcached's 30-day rule, its key and size limits), then pymemcache's
  /// calls.
  static let checks = #"""
    check("touch missing", cache.touch("zz", 100), False)
    cache.set("long", "kept", 60 * 60 * 24 * 40); check("timeout over 30 days (absolute time)", cache.get("long"), "kept")
    try:
        cache.set("has space", 1); check("invalid key raises", False, True)
    except InvalidCacheKey:
        check("invalid key raises", True, True)
    cache.set("big", "old")
    try:
        cache.set("big", "x" * (2 * 1024 * 1024)); check("too large value raises", False, True)
    except Exception as error:
        check("too large value raises", "object too large" in str(error), True)
    check("too large value: the old value is gone", cache.get("big"), None)
    c = Client(("127.0.0.1", PORT), default_noreply=False)
    check("pymemcache set/get", (c.set("p", b"v"), c.get("p")), (True, b"v"))
    value, token = c.gets("p"); check("cas with the right token", c.cas("p", b"w", token), True)
    check("cas with a stale token", c.cas("p", b"x", token), False)
    check("pymemcache get_many", c.get_many(["p", "zz"]), {"p": b"w"})
    check("pymemcache version", c.version(), b"1.6.18")
    stats = c.stats(); check("stats has get_hits and curr_items", ("get_hits" in {k.decode() if isinstance(k, bytes) else k for k in stats}, "curr_items" in {k.decode() if isinstance(k, bytes) else k for k in stats}), (True, True))
    check("meta no-op answers MN (raw_command strips it)", c.raw_command(b"mn", b"MN"), b"")
    cache.close()
    """#
}
