import CacheKit

/// A cache that hands every primitive to `store`: a wrapper (a check's, or a solution's) adopts it and
/// writes only the calls it watches or changes, instead of forwarding each of the others by hand.
/// `getMany`, `setMany` and `deleteMany` keep `Cache`'s defaults, which call the wrapper's own
/// primitives key by key, so the wrapper sees them too.
public protocol ForwardingCache: Cache {
  var store: any Cache { get }
}

extension ForwardingCache {
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
  public func delete(_ key: CacheKey) throws -> Bool { try store.delete(key) }
  public func hasKey(_ key: CacheKey) throws -> Bool { try store.hasKey(key) }
  public func incr(_ key: CacheKey, by delta: Int) throws -> Int { try store.incr(key, by: delta) }
  public func clear() throws { try store.clear() }
}
