import CacheKit
import Testing

@Suite("Conformance: key validation")
struct KeyValidationTests {
  /// Memory and file warn about keys memcached would refuse; memcached refuses them.
  private func expectFlagged(
    _ fixture: CacheFixture, key: String, kind: CacheKeyWarning.Kind,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    switch fixture.cache.keyPolicy {
    case .warn:
      try fixture.cache.set(key, .text("v"))
      #expect(try fixture.cache.get(key) == .text("v"), sourceLocation: sourceLocation)
      let kinds = fixture.warnings.warnings.map(\.kind)
      #expect(kinds.contains(kind), "warnings were \(kinds)", sourceLocation: sourceLocation)
    case .reject:
      #expect(throws: CacheError.self, sourceLocation: sourceLocation) {
        try fixture.cache.set(key, .text("v"))
      }
    }
  }

  @Test("a final key over 250 characters is flagged", arguments: ConformanceBackend.available)
  func longKey(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try expectFlagged(fixture, key: String(repeating: "a", count: 248), kind: .tooLong(length: 251))
  }

  @Test("a final key of exactly 250 characters is not flagged", arguments: ConformanceBackend.available)
  func keyAtLimit(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let key = String(repeating: "a", count: 247)
    try fixture.cache.set(key, .text("v"))
    #expect(try fixture.cache.get(key) == .text("v"))
    #expect(fixture.warnings.warnings.isEmpty)
  }

  @Test("the prefix counts towards the 250 characters", arguments: ConformanceBackend.available)
  func prefixCounts(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture(keyPrefix: "long-prefix")
    try expectFlagged(fixture, key: String(repeating: "b", count: 240), kind: .tooLong(length: 254))
  }

  @Test("a key with a space is flagged", arguments: ConformanceBackend.available)
  func spaceInKey(_ backend: ConformanceBackend) throws {
    try expectFlagged(backend.makeFixture(), key: "has space", kind: .invalidCharacter)
  }

  @Test("keys with control characters or DEL are flagged", arguments: ConformanceBackend.available)
  func controlCharacters(_ backend: ConformanceBackend) throws {
    for key in ["tab\there", "newline\n", "nul\u{0}", "del\u{7F}", "bell\u{7}"] {
      try expectFlagged(backend.makeFixture(), key: key, kind: .invalidCharacter)
    }
  }

  @Test("non-ASCII keys are valid and count characters, not bytes", arguments: ConformanceBackend.available)
  func unicodeKeys(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let key = "ключ-日本-🔑" + String(repeating: "é", count: 230)
    // memcached counts the key's bytes: 250 characters of this are 479 bytes in UTF-8.
    if backend.isMemcached {
      #expect(throws: CacheError.self) { try fixture.cache.set(key, .text("v")) }
      try fixture.cache.set("ключ-🔑", .text("v"))
      #expect(try fixture.cache.get("ключ-🔑") == .text("v"))
      return
    }
    try fixture.cache.set(key, .text("v"))
    #expect(try fixture.cache.get(key) == .text("v"))
    #expect(fixture.warnings.warnings.isEmpty)
  }

  @Test("a warning names the final key", arguments: ConformanceBackend.available)
  func warningNamesFinalKey(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture(keyPrefix: "pre", version: 2)
    guard fixture.cache.keyPolicy == .warn else { return }
    try fixture.cache.set("bad key", .text("v"))
    #expect(fixture.warnings.warnings.map(\.key) == ["pre:2:bad key"])
  }
}
