import CacheKit
import Testing

@Suite("Conformance: incr and decr")
struct CounterTests {
  @Test("incr adds one and returns the new value", arguments: ConformanceBackend.available)
  func incrByOne(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("n", 1)
    #expect(try fixture.cache.incr("n") == 2)
    #expect(try fixture.cache.get("n", as: Int.self) == 2)
  }

  @Test("incr by a delta, including a negative one", arguments: ConformanceBackend.available)
  func incrByDelta(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("n", 10)
    #expect(try fixture.cache.incr("n", by: 5) == 15)
    // memcached's counters are unsigned: decr stops at 0 (Django's memcached backends say so too).
    let expected = backend.isMemcached ? 0 : -5
    #expect(try fixture.cache.incr("n", by: -20) == expected)
    #expect(try fixture.cache.get("n", as: Int.self) == expected)
  }

  @Test("decr subtracts", arguments: ConformanceBackend.available)
  func decr(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("n", 10)
    #expect(try fixture.cache.decr("n") == 9)
    #expect(try fixture.cache.decr("n", by: 4) == 5)
  }

  @Test("incr and decr of a missing key fail with keyNotFound", arguments: ConformanceBackend.available)
  func missingKey(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    #expect(throws: CacheError.keyNotFound(":1:absent")) { try fixture.cache.incr("absent") }
    #expect(throws: CacheError.keyNotFound(":1:absent")) { try fixture.cache.decr("absent") }
    #expect(try fixture.cache.hasKey("absent") == false)
  }

  @Test("incr of an expired key fails with keyNotFound", arguments: ConformanceBackend.timeTravelling)
  func expiredKey(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("n", 1, timeout: 5)
    fixture.advance(by: 6)
    #expect(throws: CacheError.keyNotFound(":1:n")) { try fixture.cache.incr("n") }
  }

  @Test("incr of a value that is not an integer fails", arguments: ConformanceBackend.available)
  func notAnInteger(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("word", "hello")
    try fixture.cache.set("float", 1.5)
    #expect(throws: CacheError.notAnInteger(":1:word")) { try fixture.cache.incr("word") }
    #expect(throws: CacheError.notAnInteger(":1:float")) { try fixture.cache.incr("float") }
    #expect(try fixture.cache.get("word", as: String.self) == "hello")
  }

  @Test("incr keeps the key's timeout", arguments: ConformanceBackend.timeTravelling)
  func incrKeepsTimeout(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("n", 1, timeout: 10)
    fixture.advance(by: 5)
    try fixture.cache.incr("n")
    fixture.advance(by: 5)
    #expect(try fixture.cache.get("n") == nil)
  }

  @Test(
    "incr that would overflow 64 bits fails and keeps the value",
    arguments: ConformanceBackend.available.filter { !$0.isMemcached })
  func overflow(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("n", Int.max)
    #expect(throws: CacheError.overflow(":1:n")) { try fixture.cache.incr("n") }
    #expect(try fixture.cache.get("n", as: Int.self) == Int.max)
  }

  @Test("integers are stored as decimal text", arguments: ConformanceBackend.available)
  func decimalText(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("n", 42)
    try fixture.cache.set("m", -7)
    #expect(try fixture.cache.get("n") == .text("42"))
    #expect(try fixture.cache.get("m") == .text("-7"))
    try fixture.cache.set("text", .text("41"))
    #expect(try fixture.cache.incr("text") == 42)
  }

  @Test(
    "memcached counts unsigned 64-bit: past Int.max is reported as overflow, and it wraps at 2^64",
    arguments: ConformanceBackend.available.filter(\.isMemcached))
  func memcachedUnsignedCounters(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("n", Int.max)
    #expect(throws: CacheError.overflow(":1:n")) { try fixture.cache.incr("n") }
    try fixture.cache.set("u", .text("18446744073709551615"))
    #expect(try fixture.cache.incr("u") == 0)
  }
}
