"""Django 5.2's PyMemcacheCache as a test peer for MemcachedCache's key placement.

Run as `python pymemcache_placement_peer.py`: reads one JSON request on stdin, writes one JSON answer.
Requests, each naming a LOCATION list and optionally KEY_PREFIX and VERSION:
  place  {"op": "place", "cases": [{"location": [...], "prefix": "", "version": 1, "keys": [...]}]}
         -> {"servers": [["host:port", ...], ...]}: the server pymemcache's HashClient picks for
         each key after Django's make_key, without connecting to any server
  write  {"op": "write", "location": [...], "items": {"key": "value", ...}} -> {"failed": [...]}
  read   {"op": "read", "location": [...], "keys": [...]} -> {"values": {"key": "value", ...}}
"""

import json
import sys

from django.conf import settings

settings.configure()

from django.core.cache.backends.memcached import PyMemcacheCache  # noqa: E402


def cache_for(request):
    params = {"KEY_PREFIX": request.get("prefix", ""), "VERSION": request.get("version", 1)}
    return PyMemcacheCache(request["location"], params)


def server_name(client):
    host, port = client.server
    return "%s:%d" % (host, port)


def place(case):
    cache = cache_for(case)
    hash_client = cache._cache
    names = []
    for key in case["keys"]:
        final_key = cache.make_and_validate_key(key)
        names.append(server_name(hash_client._get_client(final_key)))
    return names


def text(value):
    """A value as JSON text: what CacheKit stores arrives as bytes (flags 0), Django's str as str."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def main():
    request = json.load(sys.stdin)
    op = request["op"]
    if op == "place":
        answer = {"servers": [place(case) for case in request["cases"]]}
    elif op == "write":
        cache = cache_for(request)
        answer = {"failed": cache.set_many(request["items"], timeout=300)}
        cache.close()
    elif op == "read":
        cache = cache_for(request)
        values = cache.get_many(request["keys"])
        answer = {"values": {k: text(v) for k, v in values.items()}}
        cache.close()
    else:
        answer = {"error": "unknown op %r" % op}
    json.dump(answer, sys.stdout)


main()
