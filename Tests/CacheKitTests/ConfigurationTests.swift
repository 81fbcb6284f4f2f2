import CacheKit
import Testing

@Suite("CACHES configuration")
struct ConfigurationTests {
  private func load(_ json: String) throws -> CachesConfiguration {
    try CachesConfiguration(json: Array(json.utf8))
  }

  private func expectError(
    _ json: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    do {
      _ = try load(json)
      Issue.record("expected an error: \(expected)", sourceLocation: sourceLocation)
    } catch {
      #expect("\(error)" == expected, sourceLocation: sourceLocation)
    }
  }

  @Test("a full table reads every field")
  func fullTable() throws {
    let configuration = try load(
      """
      {
        "default": {"BACKEND": "memory", "LOCATION": "main", "TIMEOUT": 60, "KEY_PREFIX": "site",
                    "VERSION": 2, "OPTIONS": {"MAX_ENTRIES": 500, "CULL_FREQUENCY": 4}},
        "files": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                  "LOCATION": "/tmp/cachelings-config-test", "TIMEOUT": null}
      }
      """)
    #expect(
      configuration.aliases["default"]
        == CacheSettings(
          backend: .memory, location: "main", timeout: 60, keyPrefix: "site", version: 2, maxEntries: 500,
          cullFrequency: 4))
    #expect(configuration.aliases["files"]?.backend == .file)
    #expect(configuration.aliases["files"]?.timeout == .never)
  }

  @Test("caches built from a table follow its settings")
  func builtCaches() throws {
    let configuration = try load(
      #"{"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "config-test", "TIMEOUT": 5, "KEY_PREFIX": "p"}}"#
    )
    let clock = ManualClock()
    let cache = try configuration.cache("default", clock: clock)
    #expect(cache is MemoryCache)
    #expect(try cache.makeKey("k") == CacheKey("p:1:k"))
    try cache.set("k", .text("v"))
    clock.advance(by: 5)
    #expect(try cache.get("k") == nil)
  }

  @Test("omitted fields take Django's defaults")
  func defaults() throws {
    let settings = try load(#"{"default": {"BACKEND": "memory"}}"#).aliases["default"]!
    #expect(settings == CacheSettings(backend: .memory))
    let cache = try settings.makeCache()
    #expect(cache.options.defaultTimeout == .seconds(300))
    #expect(cache.options.version == 1)
    #expect((cache as? MemoryCache)?.maxEntries == 300)
    #expect((cache as? MemoryCache)?.cullFrequency == 3)
  }

  @Test("Django's Redis and memcached backends, with their LOCATION forms and errors naming the field")
  func serverBackends() throws {
    let configuration = try load(
      #"""
      {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6390/2"},
       "mc": {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
              "LOCATION": ["10.0.0.1:11211", "10.0.0.2:11212"]},
       "local": {"BACKEND": "memcached"}}
      """#)
    let redis = try #require(try configuration.cache() as? RedisCache)
    #expect(redis.location == RedisLocation(port: 6390, database: 2))
    let memcached = try #require(try configuration.cache("mc") as? MemcachedCache)
    #expect(memcached.location.servers.map(\.description) == ["10.0.0.1:11211", "10.0.0.2:11212"])
    #expect((try configuration.cache("local") as? MemcachedCache)?.location == MemcachedLocation())
    expectError(
      #"{"default": {"BACKEND": "memcached", "LOCATION": "host:port"}}"#,
      "CACHES['default'].LOCATION: memcached location 'host:port' has a bad port (1 to 65535)")
    expectError(
      #"{"default": {"BACKEND": "redis", "LOCATION": "http://x"}}"#,
      "CACHES['default'].LOCATION: 'http://x' is not a redis://[:password@]host[:port][/db] URL")
  }

  @Test("a Redis LOCATION list, or a string split on ; and ,, names a leader and its read replicas")
  func redisServerLists() throws {
    let configuration = try load(
      #"""
      {"default": {"BACKEND": "redis", "LOCATION": ["redis://10.0.0.1:6379", "redis://10.0.0.2:6380/1"]},
       "text": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://a:1; redis://b:2,redis://c:3"}}
      """#)
    let list = try #require(try configuration.cache() as? RedisCache)
    #expect(
      list.locations == [
        RedisLocation(host: "10.0.0.1"), RedisLocation(host: "10.0.0.2", port: 6380, database: 1),
      ])
    #expect(list.location == RedisLocation(host: "10.0.0.1"))
    let text = try #require(try configuration.cache("text") as? RedisCache)
    #expect(text.locations.map(\.host) == ["a", "b", "c"])
    expectError(
      #"{"default": {"BACKEND": "redis", "LOCATION": ["redis://a:1", "b:2"]}}"#,
      "CACHES['default'].LOCATION: 'b:2' is not a redis://[:password@]host[:port][/db] URL")
  }

  @Test("a 'default' alias is required")
  func defaultRequired() {
    expectError(#"{"other": {"BACKEND": "memory"}}"#, "CACHES: a 'default' alias is required")
    #expect(throws: ConfigurationError.self) { try CachesConfiguration([:]) }
  }

  @Test("errors name the alias and the field")
  func fieldErrors() {
    expectError(
      #"{"default": {"BACKEND": "memory"}, "x": {"BACKEND": "redis-ish"}}"#,
      "CACHES['x'].BACKEND: must be one of memory, file, redis, memcached, or Django's dotted path for them")
    expectError(#"{"default": {"LOCATION": "a"}}"#, "CACHES['default'].BACKEND: missing")
    expectError(
      #"{"default": {"BACKEND": "memory", "TIMEOUT": "300"}}"#,
      "CACHES['default'].TIMEOUT: must be a number of seconds or null (never expire), found a string")
    expectError(
      #"{"default": {"BACKEND": "memory", "VERSION": 1.5}}"#,
      "CACHES['default'].VERSION: must be a whole number, found a number")
    expectError(
      #"{"default": {"BACKEND": "memory", "OPTIONS": {"MAX_ENTRIES": 0}}}"#,
      "CACHES['default'].OPTIONS.MAX_ENTRIES: must be at least 1")
    expectError(
      #"{"default": {"BACKEND": "memory", "OPTIONS": {"CULL_FREQUENCY": -1}}}"#,
      "CACHES['default'].OPTIONS.CULL_FREQUENCY: must be 0 or more")
    expectError(
      #"{"default": {"BACKEND": "memory", "OPTIONS": {"MAX_ENTRY": 10}}}"#,
      "CACHES['default'].OPTIONS.MAX_ENTRY: unknown option (known: MAX_ENTRIES, CULL_FREQUENCY)")
    expectError(
      #"{"default": {"BACKEND": "memory", "TIMEOUTS": 3}}"#,
      "CACHES['default'].TIMEOUTS: unknown field (known: BACKEND, KEY_PREFIX, LOCATION, OPTIONS, TIMEOUT, VERSION)"
    )
    expectError(
      #"{"default": {"BACKEND": "file"}}"#, "CACHES['default'].LOCATION: the file backend needs a directory")
    expectError(
      #"{"default": "memory"}"#,
      "CACHES['default']: expected an object with BACKEND and LOCATION, found a string")
  }

  @Test("malformed JSON and a missing file are reported, not crashed on")
  func badDocuments() {
    #expect(throws: ConfigurationError.self) { try CachesConfiguration(json: Array("{not json".utf8)) }
    expectError("[1, 2]", "CACHES: expected an object of aliases, found an array")
    do {
      _ = try CachesConfiguration(contentsOfFile: "/nonexistent/caches.json")
      Issue.record("a missing file loaded")
    } catch {
      #expect("\(error)".hasPrefix("CACHES: cannot read /nonexistent/caches.json"))
    }
  }

  @Test("asking for an unknown alias lists the configured ones")
  func unknownAlias() throws {
    let configuration = CachesConfiguration.standard
    #expect(
      throws: ConfigurationError(alias: "nope", field: nil, message: "no such alias (configured: default)")
    ) {
      try configuration.cache("nope")
    }
  }
}
