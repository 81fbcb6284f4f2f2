import Primitives

/// Entries in recency order, as Django's locmem keeps them in an OrderedDict: the most recent first,
/// the least recent last, with O(1) lookup, move-to-front, insert and removal.
struct LRUTable: ~Copyable {
  struct Slot {
    var key: String
    var value: [UInt8]
    /// Unix seconds after which the entry is gone; `.infinity` for never.
    var deadline: Double
  }

  private var index: [String: Int32] = [:]
  private var slots = RecencyList(vacant: Slot(key: "", value: [], deadline: 0))

  var count: Int { index.count }

  func find(_ key: String) -> Int32? { index[key] }

  func slot(_ position: Int32) -> Slot { slots[position] }

  func isExpired(_ position: Int32, now: Double) -> Bool { slots[position].deadline <= now }

  /// The position of `key` when it is present and live; an expired entry is removed on the way.
  mutating func findLive(_ key: String, now: Double) -> Int32? {
    guard let position = index[key] else { return nil }
    if isExpired(position, now: now) {
      remove(position)
      return nil
    }
    return position
  }

  mutating func update(_ position: Int32, value: [UInt8]) { slots[position].value = value }

  mutating func update(_ position: Int32, deadline: Double) { slots[position].deadline = deadline }

  /// Stores `key` as the most recent entry, replacing any value it had.
  mutating func store(_ key: String, value: [UInt8], deadline: Double) {
    if let position = index[key] {
      slots[position].value = value
      slots[position].deadline = deadline
      touch(position)
      return
    }
    index[key] = slots.insert(Slot(key: key, value: value, deadline: deadline))
  }

  /// Makes the entry the most recent.
  mutating func touch(_ position: Int32) { slots.moveToFront(position) }

  mutating func remove(_ position: Int32) {
    index[slots.remove(position).key] = nil
  }

  /// Removes the `count` least recent entries.
  mutating func removeLeastRecent(_ count: Int) {
    for _ in 0..<min(count, self.count) {
      guard let position = slots.leastRecentPosition else { return }
      remove(position)
    }
  }

  mutating func removeAll() {
    index.removeAll(keepingCapacity: true)
    slots.removeAll(keepingCapacity: true)
  }

  /// Keys from the most to the least recent.
  func keysByRecency() -> [String] {
    slots.positionsByRecency().map { slots[$0].key }
  }
}
