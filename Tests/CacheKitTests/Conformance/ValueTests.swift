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
    let cache = fixture.cache!
    let text = "ascii, ünïcödé, 日本語, emoji 🧑‍💻, zero-width\u{200B}joiner"
    try cache.set("text", text)
    #expect(try cache.get("text", as: String.self) == text)
    #expect(try cache.get("text") == Array(text.utf8))
  }

  @Test("every byte value round-trips, CR, LF and NUL included", arguments: ConformanceBackend.available)
  func binaryValues(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache!
    let bytes = (0...255).map(UInt8.init) + Array("\r\nEND\r\n".utf8) + [0, 0, 0xFF]
    try cache.set("binary", bytes)
    #expect(try cache.get("binary") == bytes)
  }

  @Test("an empty value is a hit, not a miss", arguments: ConformanceBackend.available)
  func emptyValue(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache!
    try cache.set("empty", [])
    #expect(try cache.get("empty") == [])
    #expect(try cache.hasKey("empty"))
    #expect(try cache.get("empty", as: String.self) == "")
  }

  @Test("a large value (512 KiB) round-trips", arguments: ConformanceBackend.available)
  func largeValue(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache!
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<(512 * 1024)).map { _ in UInt8.random(in: 0...255, using: &generator) }
    try cache.set("large", bytes)
    #expect(try cache.get("large") == bytes)
  }

  @Test("Codable values round-trip as JSON", arguments: ConformanceBackend.available)
  func codableValues(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache!
    let profile = Profile(name: "Ada", tags: ["admin", "ops"], score: 9.5)
    try cache.set("profile", profile)
    #expect(try cache.get("profile", as: Profile.self) == profile)
    try cache.set("flags", [true, false])
    #expect(try cache.get("flags", as: [Bool].self) == [true, false])
  }

  @Test(
    "reading a value as the wrong type fails with decodingFailed", arguments: ConformanceBackend.available)
  func wrongType(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache!
    try cache.set("word", "hello")
    #expect(throws: CacheError.self) { try cache.get("word", as: Int.self) }
    #expect(throws: CacheError.self) { try cache.get("word", as: Profile.self) }
    try cache.set("bytes", [0xFF, 0xFE])
    #expect(throws: CacheError.self) { try cache.get("bytes", as: String.self) }
  }

  @Test(
    "values are copies: changing the original does not change the cache",
    arguments: ConformanceBackend.available)
  func valuesAreCopies(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let cache = fixture.cache!
    var bytes: [UInt8] = [1, 2, 3]
    try cache.set("k", bytes)
    bytes[0] = 99
    #expect(try cache.get("k") == [1, 2, 3])
  }
}
