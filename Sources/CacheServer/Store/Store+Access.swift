/// Key access as the front ends' commands need it, with lazy expiry on every lookup.
extension Store {
  /// A lookup by a read command: counts a hit or a miss and makes the entry the most recent.
  public mutating func read(_ key: StoreKey, in database: Int) -> StoreEntry? {
    let now = clock.now()
    guard let position = databases[database].live(key, now: now) else {
      statistics.misses += 1
      return nil
    }
    statistics.hits += 1
    databases[database].touch(position)
    return databases[database].entry(at: position)
  }

  /// A lookup by a read command that leaves recency alone (EXISTS, TYPE, TTL: Redis's
  /// LOOKUP_NOTOUCH): counts a hit or a miss, as `keyspace_hits` and `keyspace_misses` do.
  public mutating func inspect(_ key: StoreKey, in database: Int) -> StoreEntry? {
    let entry = peek(key, in: database)
    if entry == nil { statistics.misses += 1 } else { statistics.hits += 1 }
    return entry
  }

  /// A lookup by a write command: no hit or miss counted, recency unchanged.
  public mutating func peek(_ key: StoreKey, in database: Int) -> StoreEntry? {
    let now = clock.now()
    return databases[database].live(key, now: now).map { databases[database].entry(at: $0) }
  }

  /// Replaces the value of a live `key` in place, keeping its TTL; false when there is no such key.
  public mutating func replaceValue(of key: StoreKey, in database: Int, with value: [UInt8]) -> Bool {
    let now = clock.now()
    guard let position = databases[database].live(key, now: now) else { return false }
    databases[database].setValue(value, at: position)
    return true
  }

  /// Reads the live value of `key` (nil when absent) and, when `body` returns a new value, stores it
  /// with one lookup: an existing key keeps its TTL, a new key gets none. For read-modify-write commands.
  public mutating func update<Result>(
    _ key: StoreKey, in database: Int, _ body: ([UInt8]?) -> (newValue: [UInt8]?, result: Result)
  ) -> Result {
    let now = clock.now()
    let position = databases[database].live(key, now: now)
    let (newValue, result) = body(position.map { databases[database].entry(at: $0).value })
    if let newValue {
      if let position {
        databases[database].setValue(newValue, at: position)
      } else {
        databases[database].store(key, StoreEntry(value: newValue))
      }
    }
    return result
  }

  /// Runs `body` on the live entry of `key` in place (nil when there is none), optionally making it
  /// the most recent; a changed value or expiry is accounted for as `write` would.
  public mutating func modify<Result>(
    _ key: StoreKey, in database: Int, touch: Bool = false, _ body: (inout StoreEntry) -> Result
  ) -> Result? {
    let now = clock.now()
    guard let position = databases[database].live(key, now: now) else { return nil }
    if touch { databases[database].touch(position) }
    return databases[database].modify(at: position, body)
  }

  /// `modify` for a key given as bytes (a token of a request), without building a `StoreKey`; a read
  /// moves the entry up the LRU list at most once in `bumpSecond` (see `Keyspace.bumpLazily`).
  public mutating func modify<Result>(
    keyBytes: ArraySlice<UInt8>, in database: Int, bumpSecond: UInt32?, _ body: (inout StoreEntry) -> Result
  ) -> Result? {
    let now = clock.now()
    let found = keyBytes.withUnsafeBytes { databases[database].live(bytes: $0, now: now) }
    guard let position = found else { return nil }
    if let bumpSecond { databases[database].bumpLazily(position, second: bumpSecond) }
    return databases[database].modify(at: position, body)
  }

  /// Stores `entry`, replacing what was there.
  public mutating func write(_ key: StoreKey, _ entry: StoreEntry, in database: Int) {
    databases[database].store(key, entry)
  }

  /// Removes `key`; true when it held a live value.
  @discardableResult
  public mutating func delete(_ key: StoreKey, in database: Int) -> Bool {
    let now = clock.now()
    guard let position = databases[database].live(key, now: now) else { return false }
    databases[database].remove(position)
    return true
  }

  /// Sets when a live `key` expires; false when there is no such key.
  @discardableResult
  public mutating func expire(_ key: StoreKey, at deadline: Int64, in database: Int) -> Bool {
    let now = clock.now()
    guard let position = databases[database].live(key, now: now) else { return false }
    databases[database].setExpiry(deadline, at: position)
    return true
  }
}
