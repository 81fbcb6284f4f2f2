import CacheServer
import Testing

@Suite("Store: active expiry, eviction and the clock")
struct StoreTests {
  private func key(_ text: String) -> StoreKey { StoreKey(Array(text.utf8)) }

  @Test("the active cycle removes expired keys it was never asked about and keeps live ones")
  func activeExpiry() {
    var store = Store(databases: 2)
    for index in 0..<1_000 {
      let expiresAt: Int64 = index < 900 ? 1_000 : 1_000_000
      store.databases[index % 2].store(key("k\(index)"), StoreEntry(value: [1], expiresAt: expiresAt))
    }
    for _ in 0..<50 { store.expireCycle(now: 2_000) }
    #expect(store.databases[0].count + store.databases[1].count == 100)
    #expect(store.expiredTotal == 900)
  }

  @Test("noeviction refuses to go over the limit and evicts nothing")
  func noEviction() {
    var store = Store(databases: 1)
    store.maxMemory = 1_000
    for index in 0..<20 {
      store.databases[0].store(key("k\(index)"), StoreEntry(value: [UInt8](repeating: 0, count: 10)))
    }
    #expect(store.isOverMemoryLimit)
    let withinLimit = store.enforceMemoryLimit()
    #expect(withinLimit == false)
    #expect(store.databases[0].count == 20)
    #expect(store.statistics.evicted == 0)
  }

  @Test("allkeys-lru evicts the least recently used keys until under the limit")
  func allKeysLRU() throws {
    var store = Store(databases: 1)
    store.policy = .allKeysLRU
    let size = 3 + 10 + Keyspace.entryOverhead  // "k10" ... "k21": 3 bytes of key, 10 of value
    store.maxMemory = size * 10
    for index in 10..<22 {
      store.databases[0].store(key("k\(index)"), StoreEntry(value: [UInt8](repeating: 0, count: 10)))
    }
    store.databases[0].touch(try #require(store.databases[0].position(of: key("k10"))))
    let withinLimit = store.enforceMemoryLimit()
    #expect(withinLimit)
    #expect(store.databases[0].count == 10)
    #expect(store.statistics.evicted == 2)
    let touchedKeySurvives = store.databases[0].live(key("k10"), now: 0) != nil
    #expect(touchedKeySurvives)
    let oldestIsEvicted = store.databases[0].live(key("k11"), now: 0) == nil
    #expect(oldestIsEvicted)
    let secondOldestIsEvicted = store.databases[0].live(key("k12"), now: 0) == nil
    #expect(secondOldestIsEvicted)
  }

  @Test("volatile-lru evicts only keys with a TTL, and fails when none is left")
  func volatileLRU() {
    var store = Store(databases: 1)
    store.policy = .volatileLRU
    store.maxMemory = 1
    store.databases[0].store(key("persistent"), StoreEntry(value: [1]))
    store.databases[0].store(key("volatile"), StoreEntry(value: [1], expiresAt: 10_000))
    let withinLimit = store.enforceMemoryLimit()
    #expect(withinLimit == false)
    let persistentSurvives = store.databases[0].live(key("persistent"), now: 0) != nil
    #expect(persistentSurvives)
    let volatileIsEvicted = store.databases[0].live(key("volatile"), now: 0) == nil
    #expect(volatileIsEvicted)
    #expect(store.statistics.evicted == 1)
  }

  @Test("allkeys-random evicts until under the limit")
  func allKeysRandom() {
    var store = Store(databases: 1)
    store.policy = .allKeysRandom
    store.maxMemory = (4 + 1 + Keyspace.entryOverhead) * 5  // "k100" ...: 4 bytes of key
    for index in 100..<120 { store.databases[0].store(key("k\(index)"), StoreEntry(value: [1])) }
    let withinLimit = store.enforceMemoryLimit()
    #expect(withinLimit)
    #expect(store.databases[0].count == 5)
    #expect(store.statistics.evicted == 15)
  }

  @Test("the clock moves only when told to, by the amount told")
  func clock() {
    var clock = StoreClock()
    let before = clock.now()
    clock.advance(byMilliseconds: 60_000)
    let after = clock.now()
    #expect(after - before >= 60_000)
    #expect(after - before < 70_000)
  }
}
