/// ASCII case folding for command names and option keywords, which Redis compares ignoring case.
enum ASCII {
  static func lowercase(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}

extension Array where Element == UInt8 {
  /// Whether these bytes spell `word`, ignoring ASCII case (option keywords such as `nx` or `EX`).
  func isKeyword(_ word: StaticString) -> Bool {
    guard count == word.utf8CodeUnitCount else { return false }
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    for index in 0..<count where ASCII.lowercase(self[index]) != ASCII.lowercase(expected[index]) {
      return false
    }
    return true
  }
}
