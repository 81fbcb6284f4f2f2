import CacheKit
import Testing

/// The calls that return whether they found the key: true for a live key, false alike for a key never set
/// and for one whose deadline has come, and none of them brings a value back.
@Suite("Conformance: hasKey, delete and touch report whether the key was there")
struct KeyProbeTests {
  /// One of the calls that return whether the key was there, and whether it removes the key it finds.
  struct Probe: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let removes: Bool
    let call: @Sendable (any Cache, String) throws -> Bool

    static let all = [
      Probe(testDescription: "hasKey", removes: false) { try $0.hasKey($1) },
      Probe(testDescription: "delete", removes: true) { try $0.delete($1) },
      Probe(testDescription: "touch", removes: false) { try $0.touch($1, timeout: 100) },
    ]
  }

  @Test("the call on a live key returns true", arguments: ConformanceBackend.available, Probe.all)
  func live(_ backend: ConformanceBackend, _ probe: Probe) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"))
    #expect(try probe.call(fixture.cache, "k"))
    #expect(try fixture.cache.get("k") == (probe.removes ? nil : .text("v")))
  }

  @Test("the call on a missing key returns false", arguments: ConformanceBackend.available, Probe.all)
  func missing(_ backend: ConformanceBackend, _ probe: Probe) throws {
    let fixture = backend.makeFixture()
    #expect(try probe.call(fixture.cache, "absent") == false)
    #expect(try fixture.cache.get("absent") == nil)
  }

  @Test(
    "the call on a key at its deadline returns false and does not revive it",
    arguments: ConformanceBackend.timeTravelling, Probe.all)
  func expired(_ backend: ConformanceBackend, _ probe: Probe) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"), timeout: 1)
    fixture.advance(by: 1)
    #expect(try probe.call(fixture.cache, "k") == false)
    #expect(try fixture.cache.get("k") == nil)
  }
}
