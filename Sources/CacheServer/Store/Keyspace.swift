import Glibc
import Primitives

/// One database: entries in recency order (most recent first) with O(1) lookup, move-to-front, insert
/// and removal; the positions of keys that have a TTL, for the active expiry cycle to sample; and the
/// memory the entries take.
///
/// Entries live in a `RecencyList`, whose positions last for an entry's whole life, so SCAN can walk
/// positions as a cursor and return every key that stays present during the walk.
public struct Keyspace: Sendable {
  /// An estimate of what an entry costs beyond its key and value bytes (table slot, index, arrays).
  public static let entryOverhead = 96

  struct Slot {
    var key: StoreKey
    var entry: StoreEntry
    /// Where this slot's position is in `volatile`, or -1 when it has no TTL.
    var volatileIndex: Int32
  }

  static let none: Int32 = -1

  private var index = KeyIndex()
  private var slots = RecencyList(
    vacant: Slot(key: StoreKey([]), entry: StoreEntry(value: []), volatileIndex: Keyspace.none))
  private var volatile: [Int32] = []

  /// Bytes the entries take, by the estimate `key + value + entryOverhead`.
  public private(set) var memoryUsed = 0
  /// How many entries carry client flags other than 0 (memcached stores those in 4 more bytes).
  public private(set) var flaggedCount = 0
  /// The bytes of every key and value, without the per-entry estimate.
  public var keyAndValueBytes: Int { memoryUsed - count * Self.entryOverhead }
  /// Keys removed because their time ran out.
  public private(set) var expiredCount: UInt64 = 0

  public init() {}

  public var count: Int { index.count }
  /// How many keys have a TTL.
  public var volatileCount: Int { volatile.count }

  /// The live entry of `key`; an expired one is removed (and counted) on the way, as Redis's lazy expiry.
  public mutating func live(_ key: StoreKey, now: Int64) -> Int32? {
    key.bytes.withUnsafeBytes { live(bytes: $0, now: now) }
  }

  /// `live` for a key given as raw bytes, so a lookup need not build a key first.
  public mutating func live(bytes: UnsafeRawBufferPointer, now: Int64) -> Int32? {
    guard let position = find(bytes) else { return nil }
    if slots[position].entry.isExpired(at: now) {
      remove(position)
      expiredCount += 1
      return nil
    }
    return position
  }

  /// Where `key` is, expired or not.
  public func position(of key: StoreKey) -> Int32? { find(key) }

  private func find(_ key: StoreKey) -> Int32? {
    key.bytes.withUnsafeBytes { find($0) }
  }

  private func find(_ bytes: UnsafeRawBufferPointer) -> Int32? {
    index.find(hash: KeyHash.hash(bytes)) { position in
      slots[position].key.bytes.withUnsafeBytes { stored in
        stored.count == bytes.count
          && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
      }
    }
  }

  /// A random entry, for allkeys-random: random slots until a used one (the least recent after a few misses).
  public func randomPosition(using generator: inout some RandomNumberGenerator) -> Int32? {
    guard index.count > 0 else { return nil }
    for _ in 0..<16 {
      let position = Int32.random(in: 0..<Int32(slots.slotCount), using: &generator)
      if !slots.isFree(position) { return position }
    }
    return leastRecentPosition
  }

  /// A random key with a TTL, for the volatile eviction policies.
  public func randomVolatilePosition(using generator: inout some RandomNumberGenerator) -> Int32? {
    volatile.isEmpty ? nil : volatile[Int.random(in: 0..<volatile.count, using: &generator)]
  }

  public func entry(at position: Int32) -> StoreEntry { slots[position].entry }

  public func key(at position: Int32) -> StoreKey { slots[position].key }

  /// Replaces the value at `position`, keeping its TTL.
  public mutating func setValue(_ value: [UInt8], at position: Int32) {
    memoryUsed += value.count - slots[position].entry.value.count
    slots[position].entry.value = value
  }

  /// Runs `body` on the entry at `position` in place, keeping the memory estimate and the TTL index
  /// right when it changes the value or the expiry.
  public mutating func modify<Result>(at position: Int32, _ body: (inout StoreEntry) -> Result) -> Result {
    var entry = slots[position].entry
    let oldCount = entry.value.count
    // Taking the value out keeps it uniquely referenced, so `body` can change it without a copy.
    slots[position].entry.value = []
    let oldFlagged = Self.flagged(entry)
    let result = body(&entry)
    let expiresAt = entry.expiresAt
    memoryUsed += entry.value.count - oldCount
    flaggedCount += Self.flagged(entry) - oldFlagged
    entry.expiresAt = slots[position].entry.expiresAt
    slots[position].entry = entry
    if expiresAt != entry.expiresAt { setExpiry(expiresAt, at: position) }
    return result
  }

  /// Sets when the entry at `position` expires (`StoreEntry.never` to persist it).
  public mutating func setExpiry(_ expiresAt: Int64, at position: Int32) {
    let had = slots[position].entry.hasExpiry
    slots[position].entry.expiresAt = expiresAt
    let has = expiresAt != StoreEntry.never
    if has && !had {
      slots[position].volatileIndex = Int32(volatile.count)
      volatile.append(position)
    } else if had && !has {
      removeFromVolatile(position)
    }
  }

  /// Stores `entry` under `key` as the most recent entry, replacing what was there; returns its position.
  @discardableResult
  public mutating func store(_ key: StoreKey, _ entry: StoreEntry) -> Int32 {
    let hash = KeyHash.hash(key.bytes)
    if let position = find(key) {
      memoryUsed += entry.value.count - slots[position].entry.value.count
      flaggedCount += Self.flagged(entry) - Self.flagged(slots[position].entry)
      let expiresAt = entry.expiresAt
      slots[position].entry = entry
      slots[position].entry.expiresAt = StoreEntry.never
      if slots[position].volatileIndex != Self.none { removeFromVolatile(position) }
      setExpiry(expiresAt, at: position)
      touch(position)
      return position
    }
    let position = slots.insert(Slot(key: key, entry: entry, volatileIndex: Self.none))
    index.insert(hash: hash, position: position)
    slots[position].entry.expiresAt = StoreEntry.never
    setExpiry(entry.expiresAt, at: position)
    memoryUsed += Self.footprint(key, entry.value)
    flaggedCount += Self.flagged(entry)
    return position
  }

  /// memcached's ITEM_UPDATE_INTERVAL: an item read again within this many seconds of its last bump
  /// stays where it is in the LRU list.
  public static let bumpInterval: UInt32 = 60

  /// Moves the entry up the LRU list at most once per `bumpInterval`; a read within the interval only
  /// marks it active, which eviction honours with a second chance (memcached's rule). Moving an entry
  /// touches its neighbours' slots, which under load are cold in the cache, so this saves most of a
  /// read's memory traffic.
  public mutating func bumpLazily(_ position: Int32, second: UInt32) {
    let elapsed = (second &- slots[position].entry.meta.lastAccess) & 0x07FF_FFFF
    if elapsed < Self.bumpInterval {
      slots[position].entry.meta.insert(StoreEntry.MetaState.active)
    } else {
      touch(position)
    }
  }

  /// The least recently used entry after giving up to `chances` active entries a second chance: each
  /// is moved to the front with its mark cleared instead of being returned.
  public mutating func evictionCandidate(chances: Int = 8) -> Int32? {
    for _ in 0..<chances {
      guard let position = slots.leastRecentPosition else { return nil }
      guard slots[position].entry.meta.contains(StoreEntry.MetaState.active) else { return position }
      slots[position].entry.meta.remove(StoreEntry.MetaState.active)
      touch(position)
    }
    return leastRecentPosition
  }

  /// Makes the entry the most recently used.
  public mutating func touch(_ position: Int32) { slots.moveToFront(position) }

  public mutating func remove(_ position: Int32) {
    if slots[position].volatileIndex != Self.none { removeFromVolatile(position) }
    let removed = slots.remove(position)
    memoryUsed -= Self.footprint(removed.key, removed.entry.value)
    flaggedCount -= Self.flagged(removed.entry)
    index.remove(hash: KeyHash.hash(removed.key.bytes), position: position)
  }

  /// The least recently used entry, the one eviction removes first.
  public var leastRecentPosition: Int32? { slots.leastRecentPosition }

  public mutating func removeAll() {
    index.removeAll()
    slots.removeAll()
    volatile.removeAll()
    memoryUsed = 0
    flaggedCount = 0
  }

  /// One round of active expiry: checks up to `samples` random keys with a TTL and removes the expired;
  /// returns how many it checked and how many it removed.
  public mutating func expireSample(
    _ samples: Int, now: Int64, using generator: inout some RandomNumberGenerator
  ) -> (checked: Int, removed: Int) {
    var checked = 0
    var removed = 0
    while checked < samples && !volatile.isEmpty {
      let position = volatile[Int.random(in: 0..<volatile.count, using: &generator)]
      checked += 1
      if slots[position].entry.isExpired(at: now) {
        remove(position)
        expiredCount += 1
        removed += 1
      }
    }
    return (checked, removed)
  }

  /// Up to about `count` keys from slot `cursor` on, and the cursor to continue from (0 at the end).
  public func scan(from cursor: Int, count: Int) -> (next: Int, keys: [StoreKey]) {
    var keys: [StoreKey] = []
    var position = cursor
    while position < slots.slotCount && keys.count < count {
      if let slot = slots.element(inSlot: position) { keys.append(slot.key) }
      position += 1
    }
    return (position >= slots.slotCount ? 0 : position, keys)
  }

  /// Every key, live or not yet expired-and-removed, in slot order.
  public func allKeys() -> [StoreKey] {
    (0..<slots.slotCount).compactMap { slots.element(inSlot: $0)?.key }
  }

  static func footprint(_ key: StoreKey, _ value: [UInt8]) -> Int {
    key.bytes.count + value.count + entryOverhead
  }

  private static func flagged(_ entry: StoreEntry) -> Int { entry.flags == 0 ? 0 : 1 }

  private mutating func removeFromVolatile(_ position: Int32) {
    let at = Int(slots[position].volatileIndex)
    let last = volatile.removeLast()
    if at < volatile.count {
      volatile[at] = last
      slots[last].volatileIndex = Int32(at)
    }
    slots[position].volatileIndex = Self.none
  }
}
