/// A cache with Django's BaseCache semantics. Four backends conform: memory, file, Redis, memcached.
///
/// A backend implements the primitives below on final keys (`CacheKey`) and resolved timeouts; the
/// public API learners call (string keys, versions, default timeouts, typed values, `getOrSet`,
/// `incrVersion`, ...) is written once, in the extensions, from these primitives.
public protocol Cache: AnyObject, Sendable {
  /// Prefix, version, key function, default timeout, clock and warning handler.
  var options: CacheOptions { get }
  /// Whether keys memcached would refuse are warned about or refused.
  var keyPolicy: KeyPolicy { get }

  /// Stores `value` only if `key` holds no live value; true when it stored.
  func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool
  /// The live value of `key`, or nil.
  func get(_ key: CacheKey) throws -> [UInt8]?
  /// Stores `value`; a timeout of zero or less removes the key instead.
  func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws
  /// Gives a live key a new timeout; false when the key is missing.
  func touch(_ key: CacheKey, timeout: ResolvedTimeout) throws -> Bool
  /// Removes `key`; true when a value was there.
  func delete(_ key: CacheKey) throws -> Bool
  /// Whether `key` holds a live value.
  func hasKey(_ key: CacheKey) throws -> Bool
  /// Adds `delta` to the decimal integer stored at `key` and returns the result.
  func incr(_ key: CacheKey, by delta: Int) throws -> Int
  /// Removes everything in the store, not only this cache's prefix.
  func clear() throws

  /// The live values among `keys`; missing keys are left out.
  func getMany(_ keys: [CacheKey]) throws -> [CacheKey: [UInt8]]
  /// Stores every pair; returns the keys that could not be stored.
  func setMany(_ items: [(key: CacheKey, value: [UInt8])], timeout: ResolvedTimeout) throws -> [CacheKey]
  /// Removes every key.
  func deleteMany(_ keys: [CacheKey]) throws
  /// Releases connections or files; the cache may be used again afterwards.
  func close() throws
}

extension Cache {
  public var keyPolicy: KeyPolicy { .warn }

  public func getMany(_ keys: [CacheKey]) throws -> [CacheKey: [UInt8]] {
    var found: [CacheKey: [UInt8]] = [:]
    for key in keys {
      if let value = try get(key) { found[key] = value }
    }
    return found
  }

  public func setMany(
    _ items: [(key: CacheKey, value: [UInt8])], timeout: ResolvedTimeout
  ) throws
    -> [CacheKey]
  {
    for item in items { try set(item.key, item.value, timeout: timeout) }
    return []
  }

  public func deleteMany(_ keys: [CacheKey]) throws {
    for key in keys { _ = try delete(key) }
  }

  public func close() throws {}
}
