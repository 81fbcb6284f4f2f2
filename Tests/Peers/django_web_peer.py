"""Django 5.2's page cache and fragment keys as a test peer for CacheKit's web layer.

Run as `python django_web_peer.py PORT`: Django's RedisCache on redis://127.0.0.1:PORT/<db>.
Reads one JSON command per line and answers one JSON line. Commands:
  request   a request through cache_page(...) around a view built from a description
  fetch     FetchFromCacheMiddleware.process_request alone: the cached response or null
  state     every key in a database with its TTL and its value as Django unpickles it
  flush     FLUSHALL
  fragments make_template_fragment_key for each [name, [vary_on values]]
  render    {% cache 60 name v0 v1 ... using="dbN" %}body{% endcache %} for each [name, values, db, body]
"""

import json
import pickle
import sys

import django
from django.conf import settings

PORT = int(sys.argv[1])
ALIASES = {}
for db in (1, 2):
    ALIASES["db%d" % db] = {"LOCATION": "redis://127.0.0.1:%d/%d" % (PORT, db)}
    ALIASES["db%d-site" % db] = {
        "LOCATION": "redis://127.0.0.1:%d/%d" % (PORT, db),
        "KEY_PREFIX": "site",
        "VERSION": 2,
    }
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
for alias, entry in ALIASES.items():
    CACHES[alias] = dict(entry, BACKEND="django.core.cache.backends.redis.RedisCache")
settings.configure(
    CACHES=CACHES,
    ALLOWED_HOSTS=["*"],
    SECRET_KEY="cachelings-peer",
    USE_I18N=True,
    USE_TZ=True,
    LANGUAGE_CODE="en-us",
    TIME_ZONE="UTC",
)
django.setup()

import redis  # noqa: E402
from django.core.cache.utils import make_template_fragment_key  # noqa: E402
from django.http import HttpResponse, StreamingHttpResponse  # noqa: E402
from django.template import Context, Engine  # noqa: E402
from django.http.request import HttpHeaders  # noqa: E402
from django.middleware.cache import CacheMiddleware  # noqa: E402
from django.test import RequestFactory, override_settings  # noqa: E402
from django.views.decorators.cache import cache_control, cache_page, never_cache  # noqa: E402
from django.views.decorators.vary import vary_on_headers  # noqa: E402

FACTORY = RequestFactory()
TEMPLATES = Engine(libraries={"cache": "django.templatetags.cache"})


def overrides(config):
    """The settings a sequence runs under: i18n, time zone, CACHE_MIDDLEWARE_SECONDS."""
    return override_settings(
        USE_I18N=config.get("language") is not None,
        LANGUAGE_CODE=config.get("language") or "en-us",
        USE_TZ=config.get("timeZone") is not None,
        TIME_ZONE=config.get("timeZone") or "UTC",
        CACHE_MIDDLEWARE_SECONDS=config["defaultSeconds"],
    )


def alias(config, db):
    return "db%d%s" % (db, "-site" if config["sitePrefix"] else "")


def build_request(spec):
    """A WSGIRequest as a server makes one: header values are their UTF-8 bytes read as Latin-1."""
    extra = {"HTTP_HOST": spec["host"]}
    for name, value in spec["headers"]:
        extra[HttpHeaders.to_wsgi_name(name)] = value.encode().decode("iso-8859-1")
    target = spec["path"] + ("?" + spec["query"] if spec["query"] else "")
    request = FACTORY.generic(spec["method"], target, secure=spec["scheme"] == "https", **extra)
    if "HTTP_COOKIE" not in extra:
        del request.META["HTTP_COOKIE"]  # the factory adds an empty one; servers do not
    return request


def build_view(spec, ran):
    def view(request):
        ran.append(True)
        body = spec["body"].encode()
        if spec["streaming"]:
            response = StreamingHttpResponse([body], status=spec["status"])
        else:
            response = HttpResponse(body, status=spec["status"])
        for name, value in spec["headers"]:
            response[name] = value
        for name, value in spec["cookies"]:
            response.set_cookie(name, value)
        return response

    for decorator in spec["decorators"]:
        if decorator["kind"] == "vary":
            view = vary_on_headers(*decorator["names"])(view)
        elif decorator["kind"] == "cacheControl":
            view = cache_control(**{name: value for name, value in decorator["directives"]})(view)
        elif decorator["kind"] == "never":
            view = never_cache(view)
    return view


def describe(response):
    if response is None:
        return None
    if response.streaming:
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return {
        "status": response.status_code,
        "headers": [[name, value] for name, value in response.headers.items()],
        "cookies": [[name, morsel.value] for name, morsel in response.cookies.items()],
        "body": body.decode(),
        "streaming": response.streaming,
    }


def describe_value(value):
    if isinstance(value, HttpResponse):
        return {"response": describe(value)}
    if isinstance(value, list):
        return {"list": value}
    return {"other": repr(value)}


def run(command):
    op = command["op"]
    if op == "fragments":
        return {"keys": [make_template_fragment_key(name, vary_on) for name, vary_on in command["inputs"]]}
    if op == "render":
        texts = []
        for name, values, db, body in command["inputs"]:
            names = " ".join("v%d" % index for index in range(len(values)))
            source = '{%% load cache %%}{%% cache 60 %s %s using="db%d" %%}%s{%% endcache %%}' % (name, names, db, body)
            context = Context({"v%d" % index: value for index, value in enumerate(values)})
            texts.append(TEMPLATES.from_string(source).render(context))
        return {"keys": texts}
    if op == "flush":
        redis.Redis(port=PORT).flushall()
        return {}
    if op == "state":
        client = redis.Redis(port=PORT, db=command["db"])
        state = {}
        for key in client.keys("*"):
            raw = client.get(key)
            try:
                value = {"int": int(raw)}
            except ValueError:
                value = describe_value(pickle.loads(raw))
            state[key.decode()] = {"ttl": client.ttl(key), "value": value}
        return {"state": state}
    config = command["config"]
    with overrides(config):
        request = build_request(command["request"])
        if op == "fetch":
            middleware = CacheMiddleware(
                lambda request: None,
                page_timeout=config.get("pageTimeout"),
                cache_alias=alias(config, command["db"]),
                key_prefix=config["keyPrefix"],
            )
            return {"response": describe(middleware.process_request(request))}
        ran = []
        view = build_view(command["view"], ran)
        cached_view = cache_page(
            config.get("pageTimeout"), cache=alias(config, command["db"]), key_prefix=config["keyPrefix"]
        )(view)
        response = cached_view(request)
        return {"ranView": bool(ran), "response": describe(response)}


for line in sys.stdin:
    try:
        answer = run(json.loads(line))
    except Exception as error:  # reported to the test, which fails with it
        answer = {"error": "%s: %s" % (type(error).__name__, error)}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
