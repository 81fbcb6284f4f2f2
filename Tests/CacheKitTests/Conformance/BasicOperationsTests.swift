import CacheKit
import Testing

/// hasKey, and the true or false that delete returns: KeyProbeTests.
@Suite("Conformance: get, set, add, delete, clear")
struct BasicOperationsTests {
  @Test("get of a missing key is nil", arguments: ConformanceBackend.available)
  func getMissing(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    #expect(try fixture.cache.get("absent") == nil)
  }

  @Test("get of a missing key returns the default given", arguments: ConformanceBackend.available)
  func getMissingDefault(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    #expect(try fixture.cache.get("absent", default: .text("fallback")) == .text("fallback"))
    #expect(try fixture.cache.get("absent", default: 7) == 7)
  }

  @Test("set then get returns the value", arguments: ConformanceBackend.available)
  func setThenGet(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("greeting", .text("hello"))
    #expect(try fixture.cache.get("greeting") == .text("hello"))
  }

  @Test("set replaces an existing value", arguments: ConformanceBackend.available)
  func setReplaces(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("first"))
    try fixture.cache.set("k", .text("second"))
    #expect(try fixture.cache.get("k") == .text("second"))
  }

  @Test("add stores when the key is absent and returns true", arguments: ConformanceBackend.available)
  func addAbsent(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    #expect(try fixture.cache.add("k", .text("value")))
    #expect(try fixture.cache.get("k") == .text("value"))
  }

  @Test(
    "add on an existing key returns false and keeps the old value", arguments: ConformanceBackend.available)
  func addExisting(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("old"))
    #expect(try fixture.cache.add("k", .text("new")) == false)
    #expect(try fixture.cache.get("k") == .text("old"))
  }

  @Test("add on an expired key stores the new value", arguments: ConformanceBackend.timeTravelling)
  func addExpired(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("old"), timeout: 10)
    fixture.advance(by: 11)
    #expect(try fixture.cache.add("k", .text("new")))
    #expect(try fixture.cache.get("k") == .text("new"))
  }

  @Test("delete removes only the key named", arguments: ConformanceBackend.available)
  func deleteOnlyThatKey(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("a", .text("1"))
    try fixture.cache.set("b", .text("2"))
    try fixture.cache.delete("a")
    #expect(try fixture.cache.get("a") == nil)
    #expect(try fixture.cache.get("b") == .text("2"))
  }

  @Test("clear removes every key, whatever its prefix or version", arguments: ConformanceBackend.available)
  func clearEverything(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let other = fixture.sibling(keyPrefix: "other", version: 3)
    try fixture.cache.set("a", .text("1"))
    try fixture.cache.set("b", .text("2"), version: 2)
    try other.set("c", .text("3"))
    try fixture.cache.clear()
    #expect(try fixture.cache.get("a") == nil)
    #expect(try fixture.cache.get("b", version: 2) == nil)
    #expect(try other.get("c") == nil)
  }

  @Test("the cache works again after close", arguments: ConformanceBackend.available)
  func closeThenUse(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"))
    try fixture.cache.close()
    #expect(try fixture.cache.get("k") == .text("v"))
  }
}
