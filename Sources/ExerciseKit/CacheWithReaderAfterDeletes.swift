import CacheKit

/// The check's cache with another request that comes in right after every delete: it reads through the
/// cache itself, misses on what was deleted, and caches what the database holds at that moment, as a
/// visitor who arrives between a delete and a write would. A check wraps `context.cache` in it to catch
/// an invalidation that deletes before it writes.
public final class CacheWithReaderAfterDeletes: Cache {
  let store: any Cache
  let reader: @Sendable (any Cache) throws -> Void

  /// reader is the visitor's request, given the unwrapped cache.
  public init(_ store: any Cache, reader: @escaping @Sendable (any Cache) throws -> Void) {
    self.store = store
    self.reader = reader
  }

  public var options: CacheOptions { store.options }
  public var keyPolicy: KeyPolicy { store.keyPolicy }
  public func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    try store.add(key, value, timeout: timeout)
  }
  public func get(_ key: CacheKey) throws -> [UInt8]? { try store.get(key) }
  public func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    try store.set(key, value, timeout: timeout)
  }
  public func touch(_ key: CacheKey, timeout: ResolvedTimeout) throws -> Bool {
    try store.touch(key, timeout: timeout)
  }
  public func delete(_ key: CacheKey) throws -> Bool {
    let deleted = try store.delete(key)
    try reader(store)
    return deleted
  }
  public func deleteMany(_ keys: [CacheKey]) throws {
    try store.deleteMany(keys)
    try reader(store)
  }
  public func hasKey(_ key: CacheKey) throws -> Bool { try store.hasKey(key) }
  public func incr(_ key: CacheKey, by delta: Int) throws -> Int { try store.incr(key, by: delta) }
  public func clear() throws {
    try store.clear()
    try reader(store)
  }
}
