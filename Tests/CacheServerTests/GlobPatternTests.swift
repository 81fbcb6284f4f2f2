import Testing

@testable import CacheServer

/// Redis's stringmatchlen answers, quirks included, checked without a peer (the differential suite
/// compares thousands more with a real redis-server).
@Suite("GlobPattern: Redis's glob rules")
struct GlobPatternTests {
  private func matches(_ pattern: String, _ key: String) -> Bool {
    GlobPattern.matches(Array(pattern.utf8), Array(key.utf8))
  }

  @Test("stars, ?, classes, ranges and escapes")
  func basics() {
    #expect(matches("h?llo", "hello"))
    #expect(matches("h*llo", "hllo"))
    #expect(matches("h[ae]llo", "hallo") && !matches("h[ae]llo", "hillo"))
    #expect(matches("h[^e]llo", "hallo") && !matches("h[^e]llo", "hello"))
    #expect(matches("h[a-b]llo", "hbllo") && matches("h[b-a]llo", "hallo"))
    #expect(matches("a\\*b", "a*b") && !matches("a\\*b", "axb"))
    #expect(matches("a*", "a") && matches("*a*", "bab") && !matches("a?", "a"))
  }

  @Test("the quirks: empty keys, unterminated classes, ranges to ], trailing escapes, signed ranges")
  func quirks() {
    #expect(!matches("*", "") && !matches("**", "") && matches("", ""))
    #expect(!matches("[", "a") && matches("[^", "a") && matches("[abc", "b") && matches("[a-", "-"))
    // `[a-]` is the range from `]` to `a`, and the class then runs to the end of the pattern.
    #expect(matches("[a-]", "_") && matches("[a-]x]", "^"))
    // A trailing `\` is itself; `[\]` escapes the `]`, so the class never closes.
    #expect(matches("a\\", "a\\") && matches("[\\]", "]") && !matches("[\\]", "\\"))
    // Bytes over 0x7F are negative chars: the range from 'a' down to 0xFF holds 0x00...'a' and 0xFF.
    #expect(
      GlobPattern.matches([UInt8(ascii: "["), 0x61, UInt8(ascii: "-"), 0xFF, UInt8(ascii: "]")], [0xFF]))
    #expect(
      !GlobPattern.matches([UInt8(ascii: "["), 0x61, UInt8(ascii: "-"), 0xFF, UInt8(ascii: "]")], [0xE9]))
  }

  @Test("more than 1,000 runs of stars followed by more pattern match nothing, as in Redis")
  func starRunLimit() {
    let key = String(repeating: "a", count: 3_000) + "b"
    #expect(matches(String(repeating: "a*", count: 1_000) + "b", key))
    #expect(!matches(String(repeating: "a*", count: 1_001) + "b", key))
    #expect(matches(String(repeating: "*a", count: 1_000) + "*", key))
    #expect(!matches(String(repeating: "*a", count: 1_001) + "*", key))
  }

  @Test("patterns that made the old matcher backtrack without end answer")
  func noBacktracking() {
    #expect(!matches("*a*a*a*a*a*a*a*a*a*b", String(repeating: "a", count: 60)))
    #expect(!matches("*a*b", String(repeating: "a", count: 10_000)))
    #expect(matches(String(repeating: "*a", count: 500) + "*b", String(repeating: "a", count: 10_000) + "b"))
  }
}
