/// The backends a configuration can name.
public enum CacheBackendKind: String, Sendable, CaseIterable {
  case memory
  case file
  case redis
  case memcached

  /// The backend for a BACKEND value: our short name or Django's dotted path.
  init?(configurationName name: String) {
    switch name {
    case "memory", "django.core.cache.backends.locmem.LocMemCache": self = .memory
    case "file", "django.core.cache.backends.filebased.FileBasedCache": self = .file
    case "redis", "django.core.cache.backends.redis.RedisCache": self = .redis
    case "memcached", "django.core.cache.backends.memcached.PyMemcacheCache": self = .memcached
    default: return nil
    }
  }
}

/// One alias of a CACHES table: which backend, where, and its shared options.
public struct CacheSettings: Sendable, Equatable {
  public var backend: CacheBackendKind
  /// The memory store's name, the file cache's directory, Redis's `redis://` URLs or memcached's
  /// `host:port` entries (Django's LOCATION; several separated by `;` or `,`). Empty means the default
  /// server for the server backends.
  public var location: String
  /// The default timeout of this cache (Django's TIMEOUT: 300 s when omitted, `.never` for null).
  public var timeout: CacheTimeout
  public var keyPrefix: String
  public var version: Int
  public var maxEntries: Int
  public var cullFrequency: Int

  public init(
    backend: CacheBackendKind, location: String = "", timeout: CacheTimeout = .default,
    keyPrefix: String = "",
    version: Int = 1, maxEntries: Int = 300, cullFrequency: Int = 3
  ) {
    self.backend = backend
    self.location = location
    self.timeout = timeout
    self.keyPrefix = keyPrefix
    self.version = version
    self.maxEntries = maxEntries
    self.cullFrequency = cullFrequency
  }

  /// The cache these settings describe; an error when the location cannot be read.
  public func makeCache(
    clock: any CacheClock = SystemClock(), warnings: CacheWarningHandler = .printOncePerPattern,
    keyFunction: CacheKeyFunction? = nil
  ) throws(CacheError) -> any Cache {
    let options = CacheOptions(
      keyPrefix: keyPrefix, version: version,
      defaultTimeout: timeout.resolved(default: .seconds(CacheOptions.standardTimeout)),
      keyFunction: keyFunction, clock: clock, warnings: warnings)
    switch backend {
    case .memory:
      return MemoryCache(
        name: location, maxEntries: maxEntries, cullFrequency: cullFrequency, options: options)
    case .file:
      return FileCache(
        directory: location, maxEntries: maxEntries, cullFrequency: cullFrequency, options: options)
    case .redis:
      return RedisCache(locations: try redisLocations(), options: options)
    case .memcached:
      return MemcachedCache(location: try memcachedLocation(), options: options)
    }
  }

  /// The Redis servers, split on `;` and `,` as Django splits a LOCATION string: the first takes
  /// writes, the others serve reads.
  func redisLocations() throws(CacheError) -> [RedisLocation] {
    if location.isEmpty { return [RedisLocation()] }
    var servers: [RedisLocation] = []
    for entry in location.split(whereSeparator: { $0 == ";" || $0 == "," }) {
      let url = String(entry.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
      if url.isEmpty { continue }
      guard let parsed = RedisLocation(url: url) else {
        throw CacheError.backendFailure("'\(url)' is not a redis://[:password@]host[:port][/db] URL")
      }
      servers.append(parsed)
    }
    guard !servers.isEmpty else { throw CacheError.backendFailure("the Redis location names no server") }
    return servers
  }

  func memcachedLocation() throws(CacheError) -> MemcachedLocation {
    location.isEmpty ? MemcachedLocation() : try MemcachedLocation(parsing: location)
  }
}
