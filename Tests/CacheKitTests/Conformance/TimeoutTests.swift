import CacheKit
import Testing

@Suite("Conformance: timeouts and touch")
struct TimeoutTests {
  /// Django's default of 300 seconds, which the fixture configures as CacheOptions does, and another.
  @Test(
    "set and add without a timeout keep a value for the default timeout until its deadline",
    arguments: ConformanceBackend.timeTravelling, [300.0, 10])
  func defaultTimeout(_ backend: ConformanceBackend, seconds: Double) throws {
    let fixture = backend.makeFixture(defaultTimeout: .seconds(seconds))
    try fixture.cache.set("k", .text("v"))
    try fixture.cache.add("a", .text("v"))
    try fixture.expectKept("k", .text("v"), for: seconds - 0.5, thenGoneAfter: 0.5)
    #expect(try fixture.cache.get("a") == nil)
  }

  @Test(
    "a default of never keeps values without a timeout forever", arguments: ConformanceBackend.timeTravelling)
  func neverDefault(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture(defaultTimeout: .never)
    try fixture.cache.set("k", .text("v"))
    fixture.advance(by: 10 * 365 * 86_400)
    #expect(try fixture.cache.get("k") == .text("v"))
  }

  @Test("timeout never keeps a value for years", arguments: ConformanceBackend.timeTravelling)
  func neverTimeout(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"), timeout: .never)
    try fixture.cache.add("a", .text("v"), timeout: .never)
    fixture.advance(by: 5 * 365 * 86_400)
    #expect(try fixture.cache.get("k") == .text("v"))
    #expect(try fixture.cache.get("a") == .text("v"))
  }

  @Test("a value expires exactly at its deadline", arguments: ConformanceBackend.timeTravelling)
  func expiresAtDeadline(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"), timeout: 60)
    try fixture.expectKept("k", .text("v"), for: 59.9, thenGoneAfter: 0.1)
  }

  @Test(
    "set with timeout 0 stores nothing and removes the old value", arguments: ConformanceBackend.available)
  func zeroTimeoutSet(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("old"))
    try fixture.cache.set("k", .text("new"), timeout: 0)
    #expect(try fixture.cache.get("k") == nil)
    #expect(try fixture.cache.hasKey("k") == false)
  }

  @Test("set with a negative timeout stores nothing", arguments: ConformanceBackend.available)
  func negativeTimeoutSet(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"), timeout: -1)
    #expect(try fixture.cache.get("k") == nil)
  }

  @Test("add with timeout 0 returns true and keeps nothing", arguments: ConformanceBackend.available)
  func zeroTimeoutAdd(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    #expect(try fixture.cache.add("k", .text("v"), timeout: 0))
    #expect(try fixture.cache.get("k") == nil)
  }

  @Test("a later set replaces the earlier timeout", arguments: ConformanceBackend.timeTravelling)
  func setReplacesTimeout(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"), timeout: 10)
    try fixture.cache.set("k", .text("v"), timeout: .never)
    fixture.advance(by: 1_000)
    #expect(try fixture.cache.get("k") == .text("v"))
  }

  @Test("touch gives a live key a new timeout", arguments: ConformanceBackend.timeTravelling)
  func touchExtends(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"), timeout: 10)
    #expect(try fixture.cache.touch("k", timeout: 100))
    try fixture.expectKept("k", .text("v"), for: 50, thenGoneAfter: 50)
  }

  @Test("touch without a timeout applies the default", arguments: ConformanceBackend.timeTravelling)
  func touchDefault(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"), timeout: .never)
    #expect(try fixture.cache.touch("k"))
    fixture.advance(by: 301)
    #expect(try fixture.cache.get("k") == nil)
  }

  @Test("touch with never makes a key persistent", arguments: ConformanceBackend.timeTravelling)
  func touchNever(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"), timeout: 10)
    #expect(try fixture.cache.touch("k", timeout: .never))
    fixture.advance(by: 100_000)
    #expect(try fixture.cache.get("k") == .text("v"))
  }

  @Test("touch with timeout 0 returns true and removes the key", arguments: ConformanceBackend.available)
  func touchZero(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"))
    #expect(try fixture.cache.touch("k", timeout: 0))
    #expect(try fixture.cache.get("k") == nil)
  }
}
