import CacheKit
import Testing

@Suite("Conformance: getMany, setMany, deleteMany, getOrSet")
struct BulkOperationTests {
  @Test("getMany returns only the keys found", arguments: ConformanceBackend.available)
  func getManySkipsMisses(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("a", .text("1"))
    try fixture.cache.set("c", .text("3"))
    let found = try fixture.cache.getMany(["a", "b", "c", "d"])
    #expect(found == ["a": .text("1"), "c": .text("3")])
  }

  @Test("getMany leaves out expired keys", arguments: ConformanceBackend.timeTravelling)
  func getManySkipsExpired(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("short", .text("1"), timeout: 1)
    try fixture.cache.set("long", .text("2"), timeout: 100)
    fixture.advance(by: 2)
    #expect(try fixture.cache.getMany(["short", "long"]) == ["long": .text("2")])
  }

  @Test("getMany reads typed values at a version", arguments: ConformanceBackend.available)
  func getManyTyped(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("x", 1, version: 2)
    try fixture.cache.set("y", 2, version: 2)
    try fixture.cache.set("z", 3)
    #expect(try fixture.cache.getMany(["x", "y", "z"], as: Int.self, version: 2) == ["x": 1, "y": 2])
  }

  @Test("setMany stores every pair and reports no failures", arguments: ConformanceBackend.available)
  func setManyStores(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let failed = try fixture.cache.setMany(["a": .text("1"), "b": .text("2"), "c": .text("3")])
    #expect(failed.isEmpty)
    #expect(
      try fixture.cache.getMany(["a", "b", "c"]) == ["a": .text("1"), "b": .text("2"), "c": .text("3")])
  }

  @Test("setMany applies its timeout to every key", arguments: ConformanceBackend.timeTravelling)
  func setManyTimeout(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.setMany(["a": 1, "b": 2], timeout: 10)
    fixture.advance(by: 9)
    #expect(try fixture.cache.getMany(["a", "b"], as: Int.self) == ["a": 1, "b": 2])
    fixture.advance(by: 1)
    #expect(try fixture.cache.getMany(["a", "b"]).isEmpty)
  }

  @Test("deleteMany removes the keys named and no others", arguments: ConformanceBackend.available)
  func deleteMany(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.setMany(["a": .text("1"), "b": .text("2"), "c": .text("3")])
    try fixture.cache.deleteMany(["a", "b", "missing"])
    #expect(try fixture.cache.getMany(["a", "b", "c"]) == ["c": .text("3")])
  }

  @Test("getOrSet computes, stores and returns a missing value once", arguments: ConformanceBackend.available)
  func getOrSetComputesOnce(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    var calls = 0
    let first = try fixture.cache.getOrSet("answer", timeout: 60) { () -> Int in
      calls += 1
      return 42
    }
    let second = try fixture.cache.getOrSet("answer", timeout: 60) { () -> Int in
      calls += 1
      return 0
    }
    #expect(first == 42)
    #expect(second == 42)
    #expect(calls == 1)
    #expect(try fixture.cache.get("answer", as: Int.self) == 42)
  }

  @Test("getOrSet with a plain default stores it", arguments: ConformanceBackend.available)
  func getOrSetDefault(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    #expect(try fixture.cache.getOrSet("k", default: "fallback") == "fallback")
    #expect(try fixture.cache.get("k", as: String.self) == "fallback")
    try fixture.cache.set("k", "stored")
    #expect(try fixture.cache.getOrSet("k", default: "other") == "stored")
  }

  @Test(
    "getOrSet with timeout 0 returns the value without keeping it", arguments: ConformanceBackend.available)
  func getOrSetZeroTimeout(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let value = try fixture.cache.getOrSet("k", timeout: 0) { .text("computed") }
    #expect(value == .text("computed"))
    #expect(try fixture.cache.get("k") == nil)
  }

  @Test("getOrSet does not call the closure when the key is present", arguments: ConformanceBackend.available)
  func getOrSetExisting(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("present"))
    let value = try fixture.cache.getOrSet("k") { () -> [UInt8] in
      Issue.record("the closure ran although the key was present")
      return []
    }
    #expect(value == .text("present"))
  }
}
