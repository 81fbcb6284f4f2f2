/// A final key: the caller's key after the key function added prefix and version (`prefix:version:key`).
///
/// Backends only ever see these, so a backend cannot forget to apply the prefix or the version.
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }
}

/// Builds a final key from the caller's key, the cache's prefix and a version (Django's KEY_FUNCTION).
public typealias CacheKeyFunction = @Sendable (_ key: String, _ prefix: String, _ version: Int) -> String

/// What a backend does with a key that memcached would refuse.
public enum KeyPolicy: Sendable {
  /// Store it anyway and report a warning (Django's memory, file, database and Redis backends).
  case warn
  /// Refuse it with `CacheError.invalidKey` (Django's memcached backends).
  case reject
}
