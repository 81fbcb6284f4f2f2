import Glibc

/// A CACHES table: aliases to settings, with the `default` alias Django requires.
///
/// Built in code, or read from JSON written as Django's settings are:
/// `{"default": {"BACKEND": "memory", "LOCATION": "main", "TIMEOUT": 60, "OPTIONS": {"MAX_ENTRIES": 500}}}`.
public struct CachesConfiguration: Sendable, Equatable {
  public let aliases: [String: CacheSettings]

  /// Django's own default: one memory cache.
  public static let standard = try! CachesConfiguration(["default": CacheSettings(backend: .memory)])

  public init(_ aliases: [String: CacheSettings]) throws {
    guard aliases["default"] != nil else {
      throw ConfigurationError(alias: nil, field: nil, message: "a 'default' alias is required")
    }
    for (alias, settings) in aliases {
      try Self.check(settings, alias: alias)
    }
    self.aliases = aliases
  }

  /// Reads a CACHES table from JSON text.
  public init(json: [UInt8]) throws {
    let document: JSONValue
    do {
      document = try JSONValue.parse(json)
    } catch {
      throw ConfigurationError(alias: nil, field: nil, message: "not valid JSON (\(error))")
    }
    guard case .object(let table) = document else {
      throw ConfigurationError(
        alias: nil, field: nil, message: "expected an object of aliases, found \(document.kind)")
    }
    var aliases: [String: CacheSettings] = [:]
    for (alias, entry) in table {
      aliases[alias] = try SettingsReader(alias: alias).read(entry)
    }
    try self.init(aliases)
  }

  /// Reads a CACHES table from a JSON file; errors name the file.
  public init(contentsOfFile path: String) throws {
    guard let bytes = PosixFiles.readAll(path) else {
      throw ConfigurationError(
        alias: nil, field: nil, message: "cannot read \(path): \(PosixFiles.describe(errno))")
    }
    do {
      try self.init(json: bytes)
    } catch var error as ConfigurationError {
      error.file = path
      throw error
    }
  }

  /// The cache of `alias`.
  public func cache(
    _ alias: String = "default", clock: any CacheClock = SystemClock(),
    warnings: CacheWarningHandler = .printOncePerPattern
  ) throws -> any Cache {
    guard let settings = aliases[alias] else {
      let known = aliases.keys.sorted().joined(separator: ", ")
      throw ConfigurationError(alias: alias, field: nil, message: "no such alias (configured: \(known))")
    }
    return try settings.makeCache(clock: clock, warnings: warnings)
  }

  private static func check(_ settings: CacheSettings, alias: String) throws {
    if settings.backend == .file && settings.location.isEmpty {
      throw ConfigurationError(alias: alias, field: "LOCATION", message: "the file backend needs a directory")
    }
    do {
      switch settings.backend {
      case .redis: _ = try settings.redisLocations()
      case .memcached: _ = try settings.memcachedLocation()
      case .memory, .file: break
      }
    } catch {
      throw ConfigurationError(alias: alias, field: "LOCATION", message: error.description)
    }
    if settings.maxEntries < 1 {
      throw ConfigurationError(alias: alias, field: "OPTIONS.MAX_ENTRIES", message: "must be at least 1")
    }
    if settings.cullFrequency < 0 {
      throw ConfigurationError(alias: alias, field: "OPTIONS.CULL_FREQUENCY", message: "must be 0 or more")
    }
  }
}

/// A configuration that cannot be used, naming the file, alias and field at fault.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
  public var file: String?
  public var alias: String?
  public var field: String?
  public var message: String

  public init(file: String? = nil, alias: String?, field: String?, message: String) {
    self.file = file
    self.alias = alias
    self.field = field
    self.message = message
  }

  public var description: String {
    var place = "CACHES"
    if let alias { place += "['\(alias)']" }
    if let field { place += "." + field }
    return (file.map { $0 + ": " } ?? "") + place + ": " + message
  }
}
