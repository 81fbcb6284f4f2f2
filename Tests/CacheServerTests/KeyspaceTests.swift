import CacheServer
import Testing

@Suite("Keyspace: entries, recency, expiry and memory")
struct KeyspaceTests {
  private func key(_ text: String) -> StoreKey { StoreKey(Array(text.utf8)) }
  private func value(_ text: String) -> StoreEntry { StoreEntry(value: Array(text.utf8)) }

  @Test("store, look up, replace and remove")
  func basics() throws {
    var keyspace = Keyspace()
    keyspace.store(key("a"), value("1"))
    keyspace.store(key("a"), value("22"))
    #expect(keyspace.count == 1)
    let position = try #require(keyspace.position(of: key("a")))
    #expect(keyspace.entry(at: position).value == Array("22".utf8))
    keyspace.remove(position)
    let aIsGone = keyspace.live(key("a"), now: 0) == nil
    #expect(aIsGone)
    #expect(keyspace.count == 0)
  }

  @Test("memory accounting follows stores, replacements and removals back to zero")
  func memory() throws {
    var keyspace = Keyspace()
    keyspace.store(key("k"), value("12345"))
    #expect(keyspace.memoryUsed == 1 + 5 + Keyspace.entryOverhead)
    keyspace.store(key("k"), value("1"))
    #expect(keyspace.memoryUsed == 1 + 1 + Keyspace.entryOverhead)
    let position = try #require(keyspace.position(of: key("k")))
    keyspace.setValue(Array("abc".utf8), at: position)
    #expect(keyspace.memoryUsed == 1 + 3 + Keyspace.entryOverhead)
    keyspace.remove(position)
    #expect(keyspace.memoryUsed == 0)
  }

  @Test("the least recent entry is the one not stored or touched for longest")
  func recency() throws {
    var keyspace = Keyspace()
    for name in ["a", "b", "c"] { keyspace.store(key(name), value(name)) }
    #expect(keyspace.leastRecentPosition.map(keyspace.key(at:)) == key("a"))
    keyspace.touch(try #require(keyspace.position(of: key("a"))))
    #expect(keyspace.leastRecentPosition.map(keyspace.key(at:)) == key("b"))
    keyspace.store(key("b"), value("again"))
    #expect(keyspace.leastRecentPosition.map(keyspace.key(at:)) == key("c"))
  }

  @Test("a read within memcached's 60 s bump interval marks the entry active; a later one moves it up")
  func lazyBump() throws {
    var keyspace = Keyspace()
    for name in ["a", "b"] { keyspace.store(key(name), value(name)) }
    let a = try #require(keyspace.position(of: key("a")))
    keyspace.modify(at: a) { $0.meta.lastAccess = 100 }
    keyspace.bumpLazily(a, second: 100 + Keyspace.bumpInterval - 1)
    #expect(keyspace.leastRecentPosition == a, "not moved within the interval")
    #expect(keyspace.entry(at: a).meta.contains(StoreEntry.MetaState.active))
    keyspace.bumpLazily(a, second: 100 + Keyspace.bumpInterval)
    #expect(
      keyspace.leastRecentPosition.map(keyspace.key(at:)) == key("b"), "moved up once the interval passed")

    var second = Keyspace()
    for name in ["a", "b"] { second.store(key(name), value(name)) }
    let first = try #require(second.position(of: key("a")))
    second.bumpLazily(first, second: 0)
    #expect(
      second.evictionCandidate().map(second.key(at:)) == key("b"), "an active entry gets a second chance")
  }

  @Test("an expired key is removed on lookup and counted")
  func lazyExpiry() {
    var keyspace = Keyspace()
    keyspace.store(key("k"), StoreEntry(value: [1], expiresAt: 1_000))
    let liveBeforeDeadline = keyspace.live(key("k"), now: 999) != nil
    #expect(liveBeforeDeadline)
    let goneAtDeadline = keyspace.live(key("k"), now: 1_000) == nil
    #expect(goneAtDeadline)
    #expect(keyspace.count == 0)
    #expect(keyspace.expiredCount == 1)
    #expect(keyspace.volatileCount == 0)
  }

  @Test("setting and clearing a TTL keeps the volatile index exact")
  func volatileIndex() throws {
    var keyspace = Keyspace()
    for index in 0..<10 { keyspace.store(key("k\(index)"), value("v")) }
    for index in 0..<10 where index.isMultiple(of: 2) {
      keyspace.setExpiry(5_000, at: try #require(keyspace.position(of: key("k\(index)"))))
    }
    #expect(keyspace.volatileCount == 5)
    keyspace.setExpiry(StoreEntry.never, at: try #require(keyspace.position(of: key("k0"))))
    keyspace.store(key("k2"), value("replaced, no TTL"))
    keyspace.remove(try #require(keyspace.position(of: key("k4"))))
    #expect(keyspace.volatileCount == 2)
    var generator = SystemRandomNumberGenerator()
    let result = keyspace.expireSample(100, now: 10_000, using: &generator)
    #expect(result.removed == 2)
    #expect(keyspace.count == 7)
    #expect(keyspace.volatileCount == 0)
  }

  @Test("scan returns every key present for the whole walk, with removals and inserts during it")
  func scanCoversStableKeys() {
    var keyspace = Keyspace()
    for index in 0..<100 { keyspace.store(key("stable\(index)"), value("v")) }
    for index in 0..<50 { keyspace.store(key("churn\(index)"), value("v")) }
    var seen = Set<StoreKey>()
    var cursor = 0
    var round = 0
    repeat {
      let page = keyspace.scan(from: cursor, count: 7)
      seen.formUnion(page.keys)
      cursor = page.next
      if round < 50, let position = keyspace.live(key("churn\(round)"), now: 0) { keyspace.remove(position) }
      keyspace.store(key("new\(round)"), value("v"))
      round += 1
    } while cursor != 0
    for index in 0..<100 { #expect(seen.contains(key("stable\(index)"))) }
  }
}
