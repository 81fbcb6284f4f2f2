/// Django's memcached key rules, applied to final keys by every backend.
public enum KeyValidation {
  /// Memcached refuses keys longer than this many characters.
  public static let maxLength = 250

  /// The problems memcached would have with `key`: nothing for a good key.
  ///
  /// Length counts characters (Unicode scalars), as Django's `len(key)` does; a bad character is one in
  /// 0x00...0x20 or 0x7F. Non-ASCII text is allowed.
  public static func problems(in key: String) -> [CacheKeyWarning] {
    var key = key
    let (bytes, badCharacter) = key.withUTF8 { utf8 in
      (utf8.count, utf8.contains { $0 <= 0x20 || $0 == 0x7F })
    }
    let length = bytes <= maxLength ? bytes : key.unicodeScalars.count
    if length <= maxLength && !badCharacter { return [] }
    var found: [CacheKeyWarning] = []
    if length > maxLength { found.append(CacheKeyWarning(kind: .tooLong(length: length), key: key)) }
    if badCharacter { found.append(CacheKeyWarning(kind: .invalidCharacter, key: key)) }
    return found
  }
}

/// A key that works here but would fail on memcached (Django's CacheKeyWarning).
public struct CacheKeyWarning: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    case tooLong(length: Int)
    case invalidCharacter
  }

  public let kind: Kind
  public let key: String

  public init(kind: Kind, key: String) {
    self.kind = kind
    self.key = key
  }

  public var description: String {
    switch kind {
    case .tooLong(let length):
      "cache key is \(length) characters long, over memcached's limit of \(KeyValidation.maxLength): "
        + quoted
    case .invalidCharacter:
      "cache key has a space or control character, which memcached refuses: \(quoted)"
    }
  }

  /// The key with its digits folded, so that `user 1` and `user 2` are one pattern.
  public var pattern: String {
    var folded = ""
    var inDigits = false
    for character in key {
      if character.isASCII && character.isNumber {
        if !inDigits { folded.append("#") }
        inDigits = true
      } else {
        folded.append(character)
        inDigits = false
      }
    }
    switch kind {
    case .tooLong: return "long:" + folded
    case .invalidCharacter: return "char:" + folded
    }
  }

  private var quoted: String {
    let shown = key.unicodeScalars.count > 60 ? String(key.prefix(57)) + "..." : key
    return "'"
      + shown.unicodeScalars.map {
        $0.value < 0x21 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0)
      }.joined() + "'"
  }
}
