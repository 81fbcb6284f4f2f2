import CacheKit

/// The check's cache with another request that comes in right after every delete: it reads through the
/// cache itself, misses on what was deleted, and caches what the database holds at that moment, as a
/// visitor who arrives between a delete and a write would. A check wraps `context.cache` in it to catch
/// an invalidation that deletes before it writes.
public final class CacheWithReaderAfterDeletes: ForwardingCache {
  /// The cache it wraps, which the visitor's request reads through.
  public let store: any Cache
  let reader: @Sendable (any Cache) throws -> Void

  /// reader is the visitor's request, given the unwrapped cache.
  public init(_ store: any Cache, reader: @escaping @Sendable (any Cache) throws -> Void) {
    self.store = store
    self.reader = reader
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
  public func clear() throws {
    try store.clear()
    try reader(store)
  }
}
