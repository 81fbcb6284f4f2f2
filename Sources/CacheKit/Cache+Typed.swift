/// Typed conveniences over the byte API: any Codable value in, the type you ask for out.
extension Cache {
  /// Stores a typed value (text as UTF-8, integers as decimal text, other values as JSON).
  public func set<V: Encodable>(
    _ key: String, _ value: V, timeout: CacheTimeout = .default, version: Int? = nil
  ) throws {
    try set(key, CacheValueCodec.encode(value), timeout: timeout, version: version)
  }

  /// Stores a typed value only if the key has no live value.
  @discardableResult
  public func add<V: Encodable>(
    _ key: String, _ value: V, timeout: CacheTimeout = .default, version: Int? = nil
  ) throws -> Bool {
    try add(key, CacheValueCodec.encode(value), timeout: timeout, version: version)
  }

  /// The value at `key` read as `type`, or nil when missing.
  public func get<T: Decodable>(_ key: String, as type: T.Type, version: Int? = nil) throws -> T? {
    guard let bytes = try get(key, version: version) else { return nil }
    return try CacheValueCodec.decode(type, from: bytes, key: key)
  }

  /// The value at `key` read as `T`, or `defaultValue` when missing.
  public func get<T: Codable>(_ key: String, default defaultValue: T, version: Int? = nil) throws -> T {
    try get(key, as: T.self, version: version) ?? defaultValue
  }

  /// The live values among `keys`, read as `type`.
  public func getMany<T: Decodable>(
    _ keys: [String], as type: T.Type, version: Int? = nil
  ) throws
    -> [String: T]
  {
    var decoded: [String: T] = [:]
    for (key, bytes) in try getMany(keys, version: version) {
      decoded[key] = try CacheValueCodec.decode(type, from: bytes, key: key)
    }
    return decoded
  }

  /// Stores every typed pair; returns the keys that could not be stored.
  @discardableResult
  public func setMany<V: Encodable>(
    _ items: [String: V], timeout: CacheTimeout = .default, version: Int? = nil
  ) throws -> [String] {
    try setMany(items.mapValues { try CacheValueCodec.encode($0) }, timeout: timeout, version: version)
  }

  /// The value at `key`; when missing, computes it, adds it and reads the key again.
  public func getOrSet<V: Codable>(
    _ key: String, timeout: CacheTimeout = .default, version: Int? = nil, compute: () throws -> V
  ) throws -> V {
    if let value = try get(key, as: V.self, version: version) { return value }
    let computed = try compute()
    try add(key, computed, timeout: timeout, version: version)
    return try get(key, as: V.self, version: version) ?? computed
  }

  /// The value at `key`; when missing, adds `value` and reads the key again.
  public func getOrSet<V: Codable>(
    _ key: String, default value: V, timeout: CacheTimeout = .default, version: Int? = nil
  ) throws -> V {
    try getOrSet(key, timeout: timeout, version: version) { value }
  }
}
