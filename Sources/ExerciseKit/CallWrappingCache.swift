import CacheKit

/// A cache that runs every call of `store` inside `wrap`: a wrapper that does the same thing around each
/// call (counts it, fails it, holds it) writes that once, instead of wrapping each primitive by hand.
/// A batch call (`getMany`, `setMany`, `deleteMany`) is one call; `close` goes straight to `store`.
public protocol CallWrappingCache: Cache {
  /// The cache every call is run on.
  var store: any Cache { get }
  /// Runs `call`, one call of `store`, with what the wrapper adds around it.
  func wrap<T>(_ call: () throws -> T) throws -> T
}

extension CallWrappingCache {
  public var options: CacheOptions { store.options }
  public var keyPolicy: KeyPolicy { store.keyPolicy }
  public func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    try wrap { try store.add(key, value, timeout: timeout) }
  }
  public func get(_ key: CacheKey) throws -> [UInt8]? { try wrap { try store.get(key) } }
  public func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    try wrap { try store.set(key, value, timeout: timeout) }
  }
  public func touch(_ key: CacheKey, timeout: ResolvedTimeout) throws -> Bool {
    try wrap { try store.touch(key, timeout: timeout) }
  }
  public func delete(_ key: CacheKey) throws -> Bool { try wrap { try store.delete(key) } }
  public func hasKey(_ key: CacheKey) throws -> Bool { try wrap { try store.hasKey(key) } }
  public func incr(_ key: CacheKey, by delta: Int) throws -> Int {
    try wrap { try store.incr(key, by: delta) }
  }
  public func clear() throws { try wrap { try store.clear() } }
  public func getMany(_ keys: [CacheKey]) throws -> [CacheKey: [UInt8]] {
    try wrap { try store.getMany(keys) }
  }
  public func setMany(
    _ items: [(key: CacheKey, value: [UInt8])], timeout: ResolvedTimeout
  ) throws -> [CacheKey] {
    try wrap { try store.setMany(items, timeout: timeout) }
  }
  public func deleteMany(_ keys: [CacheKey]) throws { try wrap { try store.deleteMany(keys) } }
  public func close() throws { try store.close() }
}
