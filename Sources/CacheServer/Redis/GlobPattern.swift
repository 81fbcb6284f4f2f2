/// Redis's glob matching for KEYS and SCAN MATCH (util.c stringmatchlen): `*`, `?`, `[abc]`, `[^a-z]`,
/// and `\` to escape.
enum GlobPattern {
  static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
    matches(pattern[...], text[...])
  }

  private static func matches(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
    var pattern = pattern
    var text = text
    while let head = pattern.first {
      switch head {
      case UInt8(ascii: "*"):
        while pattern.count > 1 && pattern[pattern.startIndex + 1] == UInt8(ascii: "*") {
          pattern = pattern.dropFirst()
        }
        if pattern.count == 1 { return true }
        var rest = text
        while true {
          if matches(pattern.dropFirst(), rest) { return true }
          if rest.isEmpty { return false }
          rest = rest.dropFirst()
        }
      case UInt8(ascii: "?"):
        guard !text.isEmpty else { return false }
        text = text.dropFirst()
        pattern = pattern.dropFirst()
      case UInt8(ascii: "["):
        guard let character = text.first else { return false }
        pattern = pattern.dropFirst()
        let negate = pattern.first == UInt8(ascii: "^")
        if negate { pattern = pattern.dropFirst() }
        var matched = false
        while let item = pattern.first, item != UInt8(ascii: "]") {
          if item == UInt8(ascii: "\\") && pattern.count >= 2 {
            pattern = pattern.dropFirst()
            if pattern.first == character { matched = true }
          } else if pattern.count >= 3 && pattern[pattern.startIndex + 1] == UInt8(ascii: "-") {
            var low = item
            var high = pattern[pattern.startIndex + 2]
            if low > high { swap(&low, &high) }
            if character >= low && character <= high { matched = true }
            pattern = pattern.dropFirst(2)
          } else if item == character {
            matched = true
          }
          pattern = pattern.dropFirst()
        }
        if !pattern.isEmpty { pattern = pattern.dropFirst() }
        if matched == negate { return false }
        text = text.dropFirst()
      case UInt8(ascii: "\\") where pattern.count >= 2:
        pattern = pattern.dropFirst()
        guard text.first == pattern.first else { return false }
        text = text.dropFirst()
        pattern = pattern.dropFirst()
      default:
        guard text.first == head else { return false }
        text = text.dropFirst()
        pattern = pattern.dropFirst()
      }
    }
    return text.isEmpty
  }
}
