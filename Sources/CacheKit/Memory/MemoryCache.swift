/// An in-process cache with Django LocMemCache's rules: named stores shared by every instance of the same
/// name, thread-safe, true LRU (get, set, add and incr make an entry the most recent; hasKey and touch
/// do not), and culling of `count / cullFrequency` least recent entries when full.
///
/// Deliberate differences from locmem, shared with the other backends: a timeout of zero or less removes
/// the key instead of storing an expired entry, `delete` of an expired entry returns false, and values
/// are bytes rather than pickled objects.
public final class MemoryCache: Cache {
  public let options: CacheOptions
  /// The store's name (Django's LOCATION); caches with the same name share their entries.
  public let name: String
  /// The entry count at which an insert first culls (Django's MAX_ENTRIES, 300 by default).
  public let maxEntries: Int
  /// A cull removes `count / cullFrequency` entries; 0 removes all (Django's CULL_FREQUENCY, 3).
  public let cullFrequency: Int
  private let store: MemoryStore

  public init(
    name: String = "", maxEntries: Int = 300, cullFrequency: Int = 3, options: CacheOptions = .init()
  ) {
    self.name = name
    self.maxEntries = maxEntries
    self.cullFrequency = cullFrequency
    self.options = options
    self.store = MemoryStore.named(name)
  }

  /// How many entries the store holds, expired ones not yet removed included.
  public var entryCount: Int { store.withTable { $0.count } }

  /// The stored keys (final keys), from the most to the least recently used.
  public func keysByRecency() -> [String] { store.withTable { $0.keysByRecency() } }

  public func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) -> Bool {
    let now = options.clock.now()
    let deadline = timeout.deadline(on: options.clock) ?? .infinity
    return store.withTable { table in
      if table.findLive(key.rawValue, now: now) != nil { return false }
      if timeout.expiresImmediately { return true }
      insert(key.rawValue, value, deadline: deadline, into: &table)
      return true
    }
  }

  public func get(_ key: CacheKey) -> [UInt8]? {
    let now = options.clock.now()
    return store.withTable { table in
      guard let position = table.findLive(key.rawValue, now: now) else { return nil }
      table.touch(position)
      return table.slot(position).value
    }
  }

  public func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) {
    let deadline = timeout.deadline(on: options.clock) ?? .infinity
    store.withTable { table in
      if timeout.expiresImmediately {
        if let position = table.find(key.rawValue) { table.remove(position) }
      } else {
        insert(key.rawValue, value, deadline: deadline, into: &table)
      }
    }
  }

  public func touch(_ key: CacheKey, timeout: ResolvedTimeout) -> Bool {
    let now = options.clock.now()
    let deadline = timeout.deadline(on: options.clock) ?? .infinity
    return store.withTable { table in
      guard let position = table.find(key.rawValue), !table.isExpired(position, now: now) else {
        return false
      }
      if timeout.expiresImmediately {
        table.remove(position)
      } else {
        table.update(position, deadline: deadline)
      }
      return true
    }
  }

  public func delete(_ key: CacheKey) -> Bool {
    let now = options.clock.now()
    return store.withTable { table in
      guard let position = table.findLive(key.rawValue, now: now) else { return false }
      table.remove(position)
      return true
    }
  }

  public func hasKey(_ key: CacheKey) -> Bool {
    let now = options.clock.now()
    return store.withTable { $0.findLive(key.rawValue, now: now) != nil }
  }

  public func incr(_ key: CacheKey, by delta: Int) throws -> Int {
    let now = options.clock.now()
    return try store.withTable { table in
      guard let position = table.findLive(key.rawValue, now: now) else {
        throw CacheError.keyNotFound(key.rawValue)
      }
      let sum = try DecimalInteger.increment(table.slot(position).value, by: delta, key: key)
      table.update(position, value: DecimalInteger.format(sum))
      table.touch(position)
      return sum
    }
  }

  public func clear() {
    store.withTable { $0.removeAll() }
  }

  /// Django's `_set`: cull first when the store is full (even when `key` is already in it), then store.
  private func insert(_ key: String, _ value: [UInt8], deadline: Double, into table: inout LRUTable) {
    if table.count >= maxEntries {
      if cullFrequency == 0 {
        table.removeAll()
      } else {
        table.removeLeastRecent(table.count / cullFrequency)
      }
    }
    table.store(key, value: value, deadline: deadline)
  }
}
