import CacheKit
import Testing

@Suite("Conformance: keys, prefixes and versions")
struct VersionAndPrefixTests {
  @Test("the same key at two versions holds two values", arguments: ConformanceBackend.available)
  func versionsAreSeparate(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("one"), version: 1)
    try fixture.cache.set("k", .text("two"), version: 2)
    #expect(try fixture.cache.get("k") == .text("one"))
    #expect(try fixture.cache.get("k", version: 2) == .text("two"))
    #expect(try fixture.cache.get("k", version: 3) == nil)
  }

  @Test("a cache's own version is used when a call names none", arguments: ConformanceBackend.available)
  func cacheVersion(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let v2 = fixture.sibling(version: 2)
    try fixture.cache.set("k", .text("written at 2"), version: 2)
    #expect(try v2.get("k") == .text("written at 2"))
    try v2.set("other", .text("x"))
    #expect(try fixture.cache.get("other") == nil)
    #expect(try fixture.cache.get("other", version: 2) == .text("x"))
  }

  @Test("incrVersion moves the value and returns the new version", arguments: ConformanceBackend.available)
  func incrVersion(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"))
    #expect(try fixture.cache.incrVersion("k") == 2)
    #expect(try fixture.cache.get("k") == nil)
    #expect(try fixture.cache.get("k", version: 2) == .text("v"))
    #expect(try fixture.cache.incrVersion("k", by: 3, version: 2) == 5)
    #expect(try fixture.cache.get("k", version: 5) == .text("v"))
  }

  @Test("decrVersion moves the value down", arguments: ConformanceBackend.available)
  func decrVersion(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    try fixture.cache.set("k", .text("v"), version: 4)
    #expect(try fixture.cache.decrVersion("k", version: 4) == 3)
    #expect(try fixture.cache.get("k", version: 4) == nil)
    #expect(try fixture.cache.get("k", version: 3) == .text("v"))
  }

  @Test("incrVersion of a missing key fails with keyNotFound", arguments: ConformanceBackend.available)
  func incrVersionMissing(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    #expect(throws: CacheError.keyNotFound("absent")) { try fixture.cache.incrVersion("absent") }
    #expect(throws: CacheError.keyNotFound("absent")) { try fixture.cache.decrVersion("absent") }
  }

  @Test(
    "caches with different prefixes on one store do not see each other",
    arguments: ConformanceBackend.available)
  func prefixesSeparate(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture()
    let prefixed = fixture.sibling(keyPrefix: "cacheprefix")
    try fixture.cache.set("k", .text("plain"))
    try prefixed.set("k", .text("prefixed"))
    #expect(try fixture.cache.get("k") == .text("plain"))
    #expect(try prefixed.get("k") == .text("prefixed"))
    try prefixed.delete("k")
    #expect(try fixture.cache.get("k") == .text("plain"))
  }

  @Test("the default key is prefix:version:key", arguments: ConformanceBackend.available)
  func defaultKeyShape(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture(keyPrefix: "site", version: 3)
    #expect(try fixture.cache.makeKey("k") == CacheKey("site:3:k"))
    #expect(try fixture.cache.makeKey("k", version: 9) == CacheKey("site:9:k"))
    let plain = fixture.sibling()
    #expect(try plain.makeKey("k") == CacheKey(":1:k"))
  }

  @Test("a custom key function decides the stored key", arguments: ConformanceBackend.available)
  func customKeyFunction(_ backend: ConformanceBackend) throws {
    let fixture = backend.makeFixture(keyFunction: { key, prefix, version in
      "CUSTOM-\(prefix)-\(version)-\(key)"
    })
    let sameFunction = fixture.sibling(keyFunction: { key, prefix, version in
      "CUSTOM-\(prefix)-\(version)-\(key)"
    })
    let standard = fixture.sibling()
    try fixture.cache.set("k", .text("v"))
    #expect(try fixture.cache.makeKey("k") == CacheKey("CUSTOM--1-k"))
    #expect(try sameFunction.get("k") == .text("v"))
    #expect(try standard.get("k") == nil)
  }
}
