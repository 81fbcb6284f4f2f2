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
    try DjangoCheck.run(Self.script, port: server.port, clients: "Django and redis-py")
  }

  static let script = #"""
    import sys
    PORT = int(sys.argv[1])
    import django
    from django.conf import settings
    settings.configure(CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:%d" % PORT}})
    django.setup()
    from django.core.cache import cache
    import redis
    cache.clear()
    checks = []
    def check(name, got, want):
        checks.append((name, got == want, got, want))
    cache.set("greeting", "hello", 60); check("set/get str (pickled)", cache.get("greeting"), "hello")
    check("add existing", cache.add("greeting", "x"), False)
    check("add new", cache.add("new", {"a": [1, 2]}), True); check("get dict", cache.get("new"), {"a": [1, 2]})
    cache.set("n", 1); check("incr", cache.incr("n", 5), 6); check("decr", cache.decr("n"), 5)
    try:
        cache.incr("missing"); check("incr missing raises", False, True)
    except ValueError:
        check("incr missing raises", True, True)
    cache.set_many({"a": 1, "b": 2}, 30); check("get_many", cache.get_many(["a", "b", "zz"]), {"a": 1, "b": 2})
    check("touch", cache.touch("a", 100), True); check("touch None on ttl key", cache.touch("a", None), True)
    check("has_key", cache.has_key("b"), True); check("delete", cache.delete("b"), True); check("delete again", cache.delete("b"), False)
    cache.set("zero", 1, 0); check("timeout 0 not kept", cache.get("zero"), None)
    check("get_or_set", cache.get_or_set("gos", lambda: 42, 30), 42)
    cache.incr_version("greeting"); check("incr_version", cache.get("greeting", version=2), "hello")
    cache.delete_many(["a", "n"]); check("delete_many", cache.get_many(["a", "n"]), {})
    r = redis.Redis(port=PORT, protocol=3); check("redis-py RESP3 ping", r.ping(), True)
    check("redis-py info keyspace_hits present", "keyspace_hits" in r.info("stats"), True)
    p = r.pipeline(); p.set("x", "1"); p.incr("x"); p.get("x"); check("redis-py transaction", p.execute(), [True, 2, b"2"])
    r.client_setname("checker"); check("client getname", r.client_getname(), b"checker")
    cache.clear(); check("clear", cache.get("gos"), None)
    for name, ok, got, want in checks:
        print(("ok  " if ok else "FAIL"), name, "" if ok else f"got {got!r} want {want!r}")
    print(f"{sum(ok for _, ok, _, _ in checks)} passed, {sum(not ok for _, ok, _, _ in checks)} failed")

    """#
}
