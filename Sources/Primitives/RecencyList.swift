/// Elements in recency order, the most recent first, with O(1) insert, move-to-front and removal: the
/// list behind an LRU cache (CacheKit's memory backend, the servers' keyspace).
///
/// Slots live in one array and link to each other by index, so the list allocates only when it grows,
/// and an element keeps its position for its whole life (a freed slot is reused by a later insert).
/// A position is an `Int32`, half the size of an index, since a cache's slots are its hot memory.
/// A freed slot holds the list's `vacant` element, so it keeps no memory of the removed one alive.
@frozen
public struct RecencyList<Element> {
  @usableFromInline
  struct Slot {
    @usableFromInline var element: Element
    /// The next more recent slot, or `free` while the slot is free.
    @usableFromInline var newer: Int32
    @usableFromInline var older: Int32

    @inlinable
    init(element: Element, newer: Int32, older: Int32) {
      self.element = element
      self.newer = newer
      self.older = older
    }
  }

  @usableFromInline static var none: Int32 { -1 }
  @usableFromInline static var free: Int32 { -2 }

  /// What a free slot holds.
  @usableFromInline let vacant: Element

  @usableFromInline var slots: [Slot] = []
  @usableFromInline var freeSlots: [Int32] = []
  @usableFromInline var mostRecent: Int32 = -1
  @usableFromInline var leastRecent: Int32 = -1

  /// An empty list whose free slots hold `vacant`, a cheap element such as an empty key and value.
  @inlinable
  public init(vacant: Element) { self.vacant = vacant }

  /// How many elements the list holds.
  @inlinable
  public var count: Int { slots.count - freeSlots.count }

  /// How many slots there are, used or free: positions run from 0 to `slotCount - 1`.
  @inlinable
  public var slotCount: Int { slots.count }

  /// The least recently used element's position, the one an LRU cache evicts first.
  @inlinable
  public var leastRecentPosition: Int32? { leastRecent == Self.none ? nil : leastRecent }

  /// The element at `position`, which must be in use.
  @inlinable
  public subscript(position: Int32) -> Element {
    _read { yield slots[Int(position)].element }
    _modify { yield &slots[Int(position)].element }
  }

  /// The element in slot `position`, or `nil` when the slot is free: for walks in slot order.
  @inlinable
  public func element(inSlot position: Int) -> Element? {
    slots[position].newer == Self.free ? nil : slots[position].element
  }

  /// Whether slot `position` holds no element.
  @inlinable
  public func isFree(_ position: Int32) -> Bool { slots[Int(position)].newer == Self.free }

  /// Adds `element` as the most recent and returns its position.
  @inlinable
  @discardableResult
  public mutating func insert(_ element: Element) -> Int32 {
    let slot = Slot(element: element, newer: Self.none, older: mostRecent)
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
    return position
  }

  /// Makes the element at `position` the most recent.
  @inlinable
  public mutating func moveToFront(_ position: Int32) {
    guard position != mostRecent else { return }
    unlink(position)
    slots[Int(position)].newer = Self.none
    slots[Int(position)].older = mostRecent
    if mostRecent != Self.none { slots[Int(mostRecent)].newer = position }
    mostRecent = position
    if leastRecent == Self.none { leastRecent = position }
  }

  /// Removes the element at `position` and returns it; its slot becomes free for a later insert.
  @inlinable
  @discardableResult
  public mutating func remove(_ position: Int32) -> Element {
    unlink(position)
    let element = slots[Int(position)].element
    slots[Int(position)].element = vacant
    slots[Int(position)].newer = Self.free
    freeSlots.append(position)
    return element
  }

  /// Removes every element; `keepingCapacity` keeps the storage for the elements to come.
  @inlinable
  public mutating func removeAll(keepingCapacity: Bool = false) {
    slots.removeAll(keepingCapacity: keepingCapacity)
    freeSlots.removeAll(keepingCapacity: keepingCapacity)
    mostRecent = Self.none
    leastRecent = Self.none
  }

  /// The positions from the most to the least recent.
  @inlinable
  public func positionsByRecency() -> [Int32] {
    var positions: [Int32] = []
    positions.reserveCapacity(count)
    var position = mostRecent
    while position != Self.none {
      positions.append(position)
      position = slots[Int(position)].older
    }
    return positions
  }

  @inlinable
  mutating func unlink(_ position: Int32) {
    let newer = slots[Int(position)].newer
    let older = slots[Int(position)].older
    if newer != Self.none { slots[Int(newer)].older = older } else { mostRecent = older }
    if older != Self.none { slots[Int(older)].newer = newer } else { leastRecent = newer }
  }
}

extension RecencyList: Sendable where Element: Sendable {}
extension RecencyList.Slot: Sendable where Element: Sendable {}
