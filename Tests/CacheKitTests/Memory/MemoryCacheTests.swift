import CacheKit
import Synchronization
import Testing

@Suite("MemoryCache: LRU, culling and shared stores")
struct MemoryCacheTests {
  private static let counter = Atomic<Int>(0)

  /// A cache on a store no other test uses.
  private func freshCache(
    maxEntries: Int = 300, cullFrequency: Int = 3, clock: ManualClock = ManualClock()
  )
    -> MemoryCache
  {
    let name = "memory-test-\(Self.counter.add(1, ordering: .relaxed).newValue)"
    return MemoryCache(
      name: name, maxEntries: maxEntries, cullFrequency: cullFrequency,
      options: CacheOptions(clock: clock, warnings: .silent))
  }

  /// A cache on a fresh store holding maxEntries entries, k0 to k(maxEntries - 1), each set to its index
  /// and k0 the least recent: the next insert culls.
  private func fullCache(maxEntries: Int, cullFrequency: Int) throws -> MemoryCache {
    let cache = freshCache(maxEntries: maxEntries, cullFrequency: cullFrequency)
    for index in 0..<maxEntries { try cache.set("k\(index)", [UInt8(index)]) }
    return cache
  }

  @Test("get, set, add and incr make an entry the most recent")
  func recencyRefreshers() throws {
    let cache = freshCache()
    try cache.set("a", .text("1"))
    try cache.set("b", .text("2"))
    try cache.set("c", .text("3"))
    #expect(cache.keysByRecency() == [":1:c", ":1:b", ":1:a"])
    _ = try cache.get("a")
    #expect(cache.keysByRecency() == [":1:a", ":1:c", ":1:b"])
    try cache.set("b", .text("2"))
    #expect(cache.keysByRecency() == [":1:b", ":1:a", ":1:c"])
    try cache.incr("c")
    #expect(cache.keysByRecency() == [":1:c", ":1:b", ":1:a"])
    try cache.add("d", .text("4"))
    #expect(cache.keysByRecency() == [":1:d", ":1:c", ":1:b", ":1:a"])
  }

  @Test("hasKey, touch and a refused add leave the order alone")
  func recencyKeepers() throws {
    let cache = freshCache()
    try cache.set("a", .text("1"))
    try cache.set("b", .text("2"))
    let before = cache.keysByRecency()
    #expect(try cache.hasKey("a"))
    #expect(try cache.touch("a", timeout: 100))
    #expect(try cache.add("a", .text("other")) == false)
    #expect(cache.keysByRecency() == before)
  }

  @Test("a full store drops count / cullFrequency least recent entries before an insert")
  func cullDropsLeastRecent() throws {
    let cache = try fullCache(maxEntries: 9, cullFrequency: 3)
    for index in 0..<3 { _ = try cache.get("k\(index)") }
    try cache.set("k9", [9])
    #expect(cache.entryCount == 7)
    let survivors = Set(try cache.getMany((0...9).map { "k\($0)" }).keys)
    #expect(survivors == ["k0", "k1", "k2", "k6", "k7", "k8", "k9"])
  }

  @Test("no cull below maxEntries")
  func noCullBelowLimit() throws {
    let cache = try fullCache(maxEntries: 9, cullFrequency: 3)
    #expect(cache.entryCount == 9)
  }

  @Test("setting an existing key in a full store culls too, as locmem does")
  func cullOnOverwrite() throws {
    let cache = try fullCache(maxEntries: 9, cullFrequency: 3)
    try cache.set("k8", [88])
    #expect(cache.entryCount == 6)
    #expect(try cache.get("k0") == nil)
    #expect(try cache.get("k8") == [88])
  }

  @Test("cullFrequency 0 empties a full store before the insert")
  func cullFrequencyZero() throws {
    let cache = try fullCache(maxEntries: 5, cullFrequency: 0)
    try cache.set("new", [1])
    #expect(cache.entryCount == 1)
    #expect(cache.keysByRecency() == [":1:new"])
  }

  @Test("cull counts with the defaults: 300 entries, a third dropped")
  func defaultCull() throws {
    let cache = freshCache()
    for index in 0..<300 { try cache.set("k\(index)", [1]) }
    try cache.set("one-more", [1])
    #expect(cache.entryCount == 201)
    #expect(try cache.get("k99") == nil)
    #expect(try cache.get("k100") == [1])
  }

  @Test("expired entries still count towards maxEntries until read")
  func expiredEntriesCount() throws {
    let clock = ManualClock()
    let cache = freshCache(maxEntries: 4, cullFrequency: 2, clock: clock)
    for index in 0..<4 { try cache.set("k\(index)", [1], timeout: 1) }
    clock.advance(by: 2)
    try cache.set("fresh", [1])
    #expect(cache.entryCount == 3)
  }

  @Test("caches with the same name share entries; other names do not")
  func namedStores() throws {
    let first = MemoryCache(name: "shared-store-test")
    let second = MemoryCache(name: "shared-store-test")
    let other = MemoryCache(name: "other-store-test")
    try first.set("k", .text("v"))
    #expect(try second.get("k") == .text("v"))
    #expect(try other.get("k") == nil)
    second.clear()
    #expect(try first.get("k") == nil)
  }

  @Test("concurrent incr from many tasks loses no update")
  func concurrentIncr() async throws {
    let name = "concurrent-incr-test"
    try MemoryCache(name: name).set("hits", 0)
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<16 {
        group.addTask {
          let cache = MemoryCache(name: name)
          for _ in 0..<1_000 { _ = try? cache.incr("hits") }
        }
      }
    }
    #expect(try MemoryCache(name: name).get("hits", as: Int.self) == 16_000)
  }

  @Test("concurrent writers of distinct keys all land")
  func concurrentWriters() async throws {
    let cache = freshCache(maxEntries: 100_000)
    await withTaskGroup(of: Void.self) { group in
      for worker in 0..<8 {
        group.addTask {
          for index in 0..<500 { try? cache.set("w\(worker)-\(index)", DecimalInteger.format(index)) }
        }
      }
    }
    #expect(cache.entryCount == 4_000)
    #expect(try cache.get("w7-499", as: Int.self) == 499)
  }
}
