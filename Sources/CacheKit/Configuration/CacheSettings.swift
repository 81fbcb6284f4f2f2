/// The backends a configuration can name.
public enum CacheBackendKind: String, Sendable, CaseIterable {
  case memory
  case file

  /// The backend for a BACKEND value: our short name or Django's dotted path.
  init?(configurationName name: String) {
    switch name {
    case "memory", "django.core.cache.backends.locmem.LocMemCache": self = .memory
    case "file", "django.core.cache.backends.filebased.FileBasedCache": self = .file
    default: return nil
    }
  }
}

/// One alias of a CACHES table: which backend, where, and its shared options.
public struct CacheSettings: Sendable, Equatable {
  public var backend: CacheBackendKind
  /// The memory store's name or the file cache's directory (Django's LOCATION).
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

  /// The cache these settings describe.
  public func makeCache(
    clock: any CacheClock = SystemClock(), warnings: CacheWarningHandler = .printOncePerPattern,
    keyFunction: CacheKeyFunction? = nil
  ) -> any Cache {
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
    }
  }
}
