import CacheKit
import Testing

@Suite("Conformance: values")
struct ValueTests {
  struct Profile: Codable, Equatable {
    var name: String
    var tags: [String]
    var score: Double?
  }

  @Test("unicode text round-trips", arguments: ConformanceBackend.available)
  func unicodeValues(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let text = "ascii, ünïcödé, 日本語, emoji 🧑‍💻, zero-width\u{200B}joiner"
    try fixture.cache.set("text", text)
    #expect(try fixture.cache.get("text", as: String.self) == text)
    #expect(try fixture.cache.get("text") == Array(text.utf8))
  }

  @Test("every byte value round-trips, CR, LF and NUL included", arguments: ConformanceBackend.available)
  func binaryValues(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let bytes = (0...255).map(UInt8.init) + Array("\r\nEND\r\n".utf8) + [0, 0, 0xFF]
    try fixture.cache.set("binary", bytes)
    #expect(try fixture.cache.get("binary") == bytes)
  }

  @Test("an empty value is a hit, not a miss", arguments: ConformanceBackend.available)
  func emptyValue(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("empty", [])
    #expect(try fixture.cache.get("empty") == [])
    #expect(try fixture.cache.hasKey("empty"))
    #expect(try fixture.cache.get("empty", as: String.self) == "")
  }

  @Test("a large value (512 KiB) round-trips", arguments: ConformanceBackend.available)
  func largeValue(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<(512 * 1024)).map { _ in UInt8.random(in: 0...255, using: &generator) }
    try fixture.cache.set("large", bytes)
    #expect(try fixture.cache.get("large") == bytes)
  }

  @Test("Codable values round-trip as JSON", arguments: ConformanceBackend.available)
  func codableValues(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let profile = Profile(name: "Ada", tags: ["admin", "ops"], score: 9.5)
    try fixture.cache.set("profile", profile)
    #expect(try fixture.cache.get("profile", as: Profile.self) == profile)
    try fixture.cache.set("flags", [true, false])
    #expect(try fixture.cache.get("flags", as: [Bool].self) == [true, false])
  }

  @Test(
    "reading a value as the wrong type fails with decodingFailed", arguments: ConformanceBackend.available)
  func wrongType(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("word", "hello")
    #expect(throws: CacheError.self) { try fixture.cache.get("word", as: Int.self) }
    #expect(throws: CacheError.self) { try fixture.cache.get("word", as: Profile.self) }
    try fixture.cache.set("bytes", [0xFF, 0xFE])
    #expect(throws: CacheError.self) { try fixture.cache.get("bytes", as: String.self) }
  }

  @Test(
    "values are copies: changing the original does not change the cache",
    arguments: ConformanceBackend.available)
  func valuesAreCopies(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    var bytes: [UInt8] = [1, 2, 3]
    try fixture.cache.set("k", bytes)
    bytes[0] = 99
    #expect(try fixture.cache.get("k") == [1, 2, 3])
  }
}
