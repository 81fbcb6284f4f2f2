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
    try DjangoCheck.run(Self.script, port: server.port, clients: "Django and pymemcache")
  }

  static let script = #"""
    import sys, time
    PORT = int(sys.argv[1])
    import django
    from django.conf import settings
    settings.configure(CACHES={"default": {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": "127.0.0.1:%d" % PORT}})
    django.setup()
    from django.core.cache import cache
    from django.core.cache.backends.base import InvalidCacheKey
    from pymemcache.client.base import Client
    cache.clear()
    checks = []
    def check(name, got, want):
        checks.append((name, got == want, got, want))
    cache.set("greeting", "hello", 60); check("set/get str", cache.get("greeting"), "hello")
    check("add existing", cache.add("greeting", "x"), False)
    check("add new", cache.add("new", {"a": [1, 2]}), True); check("get pickled dict", cache.get("new"), {"a": [1, 2]})
    cache.set("n", 1); check("incr", cache.incr("n", 5), 6); check("decr", cache.decr("n"), 5)
    try:
        cache.incr("missing"); check("incr missing raises", False, True)
    except ValueError:
        check("incr missing raises", True, True)
    check("set_many failures", cache.set_many({"a": 1, "b": 2}, 30), []); check("get_many", cache.get_many(["a", "b", "zz"]), {"a": 1, "b": 2})
    check("touch", cache.touch("a", 100), True); check("touch missing", cache.touch("zz", 100), False)
    check("has_key", cache.has_key("b"), True); check("delete", cache.delete("b"), True); check("delete again", cache.delete("b"), False)
    cache.set("zero", 1, 0); check("timeout 0 not kept", cache.get("zero"), None)
    cache.set("long", "kept", 60 * 60 * 24 * 40); check("timeout over 30 days (absolute time)", cache.get("long"), "kept")
    check("get_or_set", cache.get_or_set("gos", lambda: 42, 30), 42)
    cache.incr_version("greeting"); check("incr_version", cache.get("greeting", version=2), "hello")
    cache.delete_many(["a", "n"]); check("delete_many", cache.get_many(["a", "n"]), {})
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
    cache.close(); cache.clear(); check("clear", cache.get("gos"), None)
    for name, ok, got, want in checks:
        print(("ok  " if ok else "FAIL"), name, "" if ok else f"got {got!r} want {want!r}")
    print(f"{sum(ok for _, ok, _, _ in checks)} passed, {sum(not ok for _, ok, _, _ in checks)} failed")

    """#
}
