/// The API learners call, with Django's names and rules: string keys, an optional version, the
/// cache's default timeout when none is given.
extension Cache {
  /// The final, validated key for `key`: warns (or throws, on memcached) when memcached would refuse it.
  public func makeKey(_ key: String, version: Int? = nil) throws -> CacheKey {
    let finalKey = options.makeKey(key, version: version)
    let problems = KeyValidation.problems(in: finalKey.rawValue)
    guard let first = problems.first else { return finalKey }
    switch keyPolicy {
    case .warn: problems.forEach(options.warnings.callAsFunction)
    case .reject: throw CacheError.invalidKey(first.description)
    }
    return finalKey
  }

  /// Stores `value` only if `key` has no live value; returns whether it stored.
  @discardableResult
  public func add(
    _ key: String, _ value: [UInt8], timeout: CacheTimeout = .default, version: Int? = nil
  )
    throws -> Bool
  {
    try add(makeKey(key, version: version), value, timeout: options.resolve(timeout))
  }

  /// The stored bytes, or `defaultValue` when the key is missing or expired.
  public func get(
    _ key: String, default defaultValue: [UInt8]? = nil, version: Int? = nil
  ) throws
    -> [UInt8]?
  {
    try get(makeKey(key, version: version)) ?? defaultValue
  }

  /// Stores `value`, replacing what was there.
  public func set(
    _ key: String, _ value: [UInt8], timeout: CacheTimeout = .default, version: Int? = nil
  )
    throws
  {
    try set(makeKey(key, version: version), value, timeout: options.resolve(timeout))
  }

  /// Gives a live key a new timeout; false when it is missing.
  @discardableResult
  public func touch(_ key: String, timeout: CacheTimeout = .default, version: Int? = nil) throws -> Bool {
    try touch(makeKey(key, version: version), timeout: options.resolve(timeout))
  }

  /// Removes the key; true when a value was there.
  @discardableResult
  public func delete(_ key: String, version: Int? = nil) throws -> Bool {
    try delete(makeKey(key, version: version))
  }

  /// Whether the key holds a live value (Django's `has_key` and `key in cache`).
  public func hasKey(_ key: String, version: Int? = nil) throws -> Bool {
    try hasKey(makeKey(key, version: version))
  }

  /// Adds `delta` to the integer at `key`; `CacheError.keyNotFound` when the key is missing.
  @discardableResult
  public func incr(_ key: String, by delta: Int = 1, version: Int? = nil) throws -> Int {
    try incr(makeKey(key, version: version), by: delta)
  }

  /// Subtracts `delta` from the integer at `key` (Django's `decr` is `incr(-delta)`).
  @discardableResult
  public func decr(_ key: String, by delta: Int = 1, version: Int? = nil) throws -> Int {
    let (negated, overflow) = (0 as Int).subtractingReportingOverflow(delta)
    if overflow { throw CacheError.overflow(key) }
    return try incr(key, by: negated, version: version)
  }

  /// The live values among `keys`, by the caller's keys; missing ones are left out.
  public func getMany(_ keys: [String], version: Int? = nil) throws -> [String: [UInt8]] {
    var callerKey: [CacheKey: String] = [:]
    for key in keys { callerKey[try makeKey(key, version: version)] = key }
    var found: [String: [UInt8]] = [:]
    for (finalKey, value) in try getMany(Array(callerKey.keys)) {
      if let key = callerKey[finalKey] { found[key] = value }
    }
    return found
  }

  /// Stores every pair; returns the caller's keys that could not be stored (only memcached has any).
  @discardableResult
  public func setMany(
    _ items: [String: [UInt8]], timeout: CacheTimeout = .default, version: Int? = nil
  )
    throws -> [String]
  {
    var callerKey: [CacheKey: String] = [:]
    var pairs: [(key: CacheKey, value: [UInt8])] = []
    pairs.reserveCapacity(items.count)
    for (key, value) in items {
      let finalKey = try makeKey(key, version: version)
      callerKey[finalKey] = key
      pairs.append((finalKey, value))
    }
    let failed = try setMany(pairs, timeout: options.resolve(timeout))
    return failed.compactMap { callerKey[$0] }
  }

  /// Removes every key in `keys`.
  public func deleteMany(_ keys: [String], version: Int? = nil) throws {
    try deleteMany(keys.map { try makeKey($0, version: version) })
  }

  /// The value at `key`; when missing, stores `compute()` with `add` and reads the key again, as Django
  /// does, so a value another caller added first wins.
  public func getOrSet(
    _ key: String, timeout: CacheTimeout = .default, version: Int? = nil, compute: () throws -> [UInt8]
  ) throws -> [UInt8] {
    if let value = try get(key, version: version) { return value }
    let computed = try compute()
    try add(key, computed, timeout: timeout, version: version)
    return try get(key, version: version) ?? computed
  }

  /// Moves the value at `key` from `version` to `version + delta` and returns the new version.
  ///
  /// As Django's `incr_version`, the moved value gets the default timeout.
  @discardableResult
  public func incrVersion(_ key: String, by delta: Int = 1, version: Int? = nil) throws -> Int {
    let current = version ?? options.version
    guard let value = try get(key, version: current) else { throw CacheError.keyNotFound(key) }
    try set(key, value, version: current + delta)
    try delete(key, version: current)
    return current + delta
  }

  /// Moves the value at `key` from `version` to `version - delta` and returns the new version.
  @discardableResult
  public func decrVersion(_ key: String, by delta: Int = 1, version: Int? = nil) throws -> Int {
    try incrVersion(key, by: -delta, version: version)
  }
}
