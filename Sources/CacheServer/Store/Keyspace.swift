#if canImport(Glibc)
import Glibc
#endif

/// One database: entries in recency order (most recent first) with O(1) lookup, move-to-front, insert
/// and removal; the positions of keys that have a TTL, for the active expiry cycle to sample; and the
/// memory the entries take.
///
/// Entries live in one array of slots linked by index. A slot keeps its position for its whole life, so
/// SCAN can walk positions as a cursor and return every key that stays present during the walk.
public struct Keyspace: Sendable {
  /// An estimate of what an entry costs beyond its key and value bytes (table slot, index, arrays).
  public static let entryOverhead = 96

  struct Slot {
    var key: StoreKey
    var entry: StoreEntry
    var newer: Int32
    var older: Int32
    /// Where this slot's position is in `volatile`, or -1 when it has no TTL.
    var volatileIndex: Int32
    var isFree: Bool { newer == Keyspace.freeMark }
  }

  static let none: Int32 = -1
  static let freeMark: Int32 = -2

  private var index = KeyIndex()
  private var slots: [Slot] = []
  private var freeSlots: [Int32] = []
  private var volatile: [Int32] = []
  private var mostRecent: Int32 = none
  private var leastRecent: Int32 = none

  /// Bytes the entries take, by the estimate `key + value + entryOverhead`.
  public private(set) var memoryUsed = 0
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
    if slots[Int(position)].entry.isExpired(at: now) {
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
      slots[Int(position)].key.bytes.withUnsafeBytes { stored in
        stored.count == bytes.count
          && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
      }
    }
  }

  /// A random entry, for allkeys-random: random slots until a used one (the least recent after a few misses).
  public func randomPosition(using generator: inout some RandomNumberGenerator) -> Int32? {
    guard index.count > 0 else { return nil }
    for _ in 0..<16 {
      let position = Int32.random(in: 0..<Int32(slots.count), using: &generator)
      if !slots[Int(position)].isFree { return position }
    }
    return leastRecentPosition
  }

  /// A random key with a TTL, for the volatile eviction policies.
  public func randomVolatilePosition(using generator: inout some RandomNumberGenerator) -> Int32? {
    volatile.isEmpty ? nil : volatile[Int.random(in: 0..<volatile.count, using: &generator)]
  }

  public func entry(at position: Int32) -> StoreEntry { slots[Int(position)].entry }

  public func key(at position: Int32) -> StoreKey { slots[Int(position)].key }

  /// Replaces the value at `position`, keeping its TTL.
  public mutating func setValue(_ value: [UInt8], at position: Int32) {
    memoryUsed += value.count - slots[Int(position)].entry.value.count
    slots[Int(position)].entry.value = value
  }

  /// Runs `body` on the entry at `position` in place, keeping the memory estimate and the TTL index
  /// right when it changes the value or the expiry.
  public mutating func modify<Result>(at position: Int32, _ body: (inout StoreEntry) -> Result) -> Result {
    var entry = slots[Int(position)].entry
    let oldCount = entry.value.count
    // Taking the value out keeps it uniquely referenced, so `body` can change it without a copy.
    slots[Int(position)].entry.value = []
    let result = body(&entry)
    let expiresAt = entry.expiresAt
    memoryUsed += entry.value.count - oldCount
    entry.expiresAt = slots[Int(position)].entry.expiresAt
    slots[Int(position)].entry = entry
    if expiresAt != entry.expiresAt { setExpiry(expiresAt, at: position) }
    return result
  }

  /// Sets when the entry at `position` expires (`StoreEntry.never` to persist it).
  public mutating func setExpiry(_ expiresAt: Int64, at position: Int32) {
    let had = slots[Int(position)].entry.hasExpiry
    slots[Int(position)].entry.expiresAt = expiresAt
    let has = expiresAt != StoreEntry.never
    if has && !had {
      slots[Int(position)].volatileIndex = Int32(volatile.count)
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
      memoryUsed += entry.value.count - slots[Int(position)].entry.value.count
      let expiresAt = entry.expiresAt
      slots[Int(position)].entry = entry
      slots[Int(position)].entry.expiresAt = StoreEntry.never
      if slots[Int(position)].volatileIndex != Self.none { removeFromVolatile(position) }
      setExpiry(expiresAt, at: position)
      touch(position)
      return position
    }
    let slot = Slot(key: key, entry: entry, newer: Self.none, older: mostRecent, volatileIndex: Self.none)
    let position: Int32
    if let reused = freeSlots.popLast() {
      position = reused
      slots[Int(position)] = slot
    } else {
      position = Int32(slots.count)
      slots.append(slot)
    }
    if mostRecent != Self.none { slots[Int(mostRecent)].newer = position }
    mostRecent = position
    if leastRecent == Self.none { leastRecent = position }
    index.insert(hash: hash, position: position)
    slots[Int(position)].entry.expiresAt = StoreEntry.never
    setExpiry(entry.expiresAt, at: position)
    memoryUsed += Self.footprint(key, entry.value)
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
    let elapsed = (second &- slots[Int(position)].entry.meta.lastAccess) & 0x07FF_FFFF
    if elapsed < Self.bumpInterval {
      slots[Int(position)].entry.meta.insert(StoreEntry.MetaState.active)
    } else {
      touch(position)
    }
  }

  /// The least recently used entry after giving up to `chances` active entries a second chance: each
  /// is moved to the front with its mark cleared instead of being returned.
  public mutating func evictionCandidate(chances: Int = 8) -> Int32? {
    for _ in 0..<chances {
      guard leastRecent != Self.none else { return nil }
      let position = leastRecent
      guard slots[Int(position)].entry.meta.contains(StoreEntry.MetaState.active) else { return position }
      slots[Int(position)].entry.meta.remove(StoreEntry.MetaState.active)
      touch(position)
    }
    return leastRecentPosition
  }

  /// Makes the entry the most recently used.
  public mutating func touch(_ position: Int32) {
    guard position != mostRecent else { return }
    unlink(position)
    slots[Int(position)].newer = Self.none
    slots[Int(position)].older = mostRecent
    if mostRecent != Self.none { slots[Int(mostRecent)].newer = position }
    mostRecent = position
    if leastRecent == Self.none { leastRecent = position }
  }

  public mutating func remove(_ position: Int32) {
    unlink(position)
    if slots[Int(position)].volatileIndex != Self.none { removeFromVolatile(position) }
    let key = slots[Int(position)].key
    memoryUsed -= Self.footprint(key, slots[Int(position)].entry.value)
    index.remove(hash: KeyHash.hash(key.bytes), position: position)
    slots[Int(position)].key = StoreKey([])
    slots[Int(position)].entry.value = []
    slots[Int(position)].newer = Self.freeMark
    freeSlots.append(position)
  }

  /// The least recently used entry, the one eviction removes first.
  public var leastRecentPosition: Int32? { leastRecent == Self.none ? nil : leastRecent }

  public mutating func removeAll() {
    index.removeAll()
    slots.removeAll()
    freeSlots.removeAll()
    volatile.removeAll()
    mostRecent = Self.none
    leastRecent = Self.none
    memoryUsed = 0
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
      if slots[Int(position)].entry.isExpired(at: now) {
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
    while position < slots.count && keys.count < count {
      if !slots[position].isFree { keys.append(slots[position].key) }
      position += 1
    }
    return (position >= slots.count ? 0 : position, keys)
  }

  /// Every key, live or not yet expired-and-removed, in slot order.
  public func allKeys() -> [StoreKey] {
    slots.lazy.filter { !$0.isFree }.map(\.key)
  }

  static func footprint(_ key: StoreKey, _ value: [UInt8]) -> Int {
    key.bytes.count + value.count + entryOverhead
  }

  private mutating func removeFromVolatile(_ position: Int32) {
    let at = Int(slots[Int(position)].volatileIndex)
    let last = volatile.removeLast()
    if at < volatile.count {
      volatile[at] = last
      slots[Int(last)].volatileIndex = Int32(at)
    }
    slots[Int(position)].volatileIndex = Self.none
  }

  private mutating func unlink(_ position: Int32) {
    let newer = slots[Int(position)].newer
    let older = slots[Int(position)].older
    if newer != Self.none { slots[Int(newer)].older = older } else { mostRecent = older }
    if older != Self.none { slots[Int(older)].newer = newer } else { leastRecent = newer }
  }
}
