import Testing

extension CacheFixture {
  /// Expects key to still read value once `kept` seconds have passed and to be gone `more` seconds
  /// later: both sides of a deadline, moving the fixture's time to each.
  func expectKept(
    _ key: String, _ value: [UInt8], for kept: Double, thenGoneAfter more: Double,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    advance(by: kept)
    #expect(try cache.get(key) == value, "still there after \(kept) s", sourceLocation: sourceLocation)
    advance(by: more)
    #expect(try cache.get(key) == nil, "gone after \(kept + more) s", sourceLocation: sourceLocation)
  }
}
