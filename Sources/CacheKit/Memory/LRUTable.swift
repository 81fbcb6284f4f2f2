/// Entries in recency order, as Django's locmem keeps them in an OrderedDict: the most recent first,
/// the least recent last, with O(1) lookup, move-to-front, insert and removal.
///
/// Slots live in one array and link to each other by index, so the table allocates only when it grows.
struct LRUTable: ~Copyable {
  struct Slot {
    var key: String
    var value: [UInt8]
    /// Unix seconds after which the entry is gone; `.infinity` for never.
    var deadline: Double
    var newer: Int32
    var older: Int32
  }

  private static let none: Int32 = -1
  private var index: [String: Int32] = [:]
  private var slots: [Slot] = []
  private var freeSlots: [Int32] = []
  private var mostRecent: Int32 = none
  private var leastRecent: Int32 = none

  var count: Int { index.count }

  func find(_ key: String) -> Int32? { index[key] }

  func slot(_ position: Int32) -> Slot { slots[Int(position)] }

  func isExpired(_ position: Int32, now: Double) -> Bool { slots[Int(position)].deadline <= now }

  /// The position of `key` when it is present and live; an expired entry is removed on the way.
  mutating func findLive(_ key: String, now: Double) -> Int32? {
    guard let position = index[key] else { return nil }
    if isExpired(position, now: now) {
      remove(position)
      return nil
    }
    return position
  }

  mutating func update(_ position: Int32, value: [UInt8]) { slots[Int(position)].value = value }

  mutating func update(_ position: Int32, deadline: Double) { slots[Int(position)].deadline = deadline }

  /// Stores `key` as the most recent entry, replacing any value it had.
  mutating func store(_ key: String, value: [UInt8], deadline: Double) {
    if let position = index[key] {
      slots[Int(position)].value = value
      slots[Int(position)].deadline = deadline
      touch(position)
      return
    }
    let slot = Slot(key: key, value: value, deadline: deadline, newer: Self.none, older: mostRecent)
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
    index[key] = position
  }

  /// Makes the entry the most recent.
  mutating func touch(_ position: Int32) {
    guard position != mostRecent else { return }
    unlink(position)
    slots[Int(position)].newer = Self.none
    slots[Int(position)].older = mostRecent
    if mostRecent != Self.none { slots[Int(mostRecent)].newer = position }
    mostRecent = position
    if leastRecent == Self.none { leastRecent = position }
  }

  mutating func remove(_ position: Int32) {
    unlink(position)
    index[slots[Int(position)].key] = nil
    slots[Int(position)].key = ""
    slots[Int(position)].value = []
    freeSlots.append(position)
  }

  /// Removes the `count` least recent entries.
  mutating func removeLeastRecent(_ count: Int) {
    for _ in 0..<min(count, self.count) { remove(leastRecent) }
  }

  mutating func removeAll() {
    index.removeAll(keepingCapacity: true)
    slots.removeAll(keepingCapacity: true)
    freeSlots.removeAll(keepingCapacity: true)
    mostRecent = Self.none
    leastRecent = Self.none
  }

  /// Keys from the most to the least recent.
  func keysByRecency() -> [String] {
    var keys: [String] = []
    var position = mostRecent
    while position != Self.none {
      keys.append(slots[Int(position)].key)
      position = slots[Int(position)].older
    }
    return keys
  }

  private mutating func unlink(_ position: Int32) {
    let newer = slots[Int(position)].newer
    let older = slots[Int(position)].older
    if newer != Self.none { slots[Int(newer)].older = older } else { mostRecent = older }
    if older != Self.none { slots[Int(older)].newer = newer } else { leastRecent = newer }
  }
}
