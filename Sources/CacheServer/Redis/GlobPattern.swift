/// Redis's glob matching for KEYS, SCAN MATCH and the pattern filters (util.c stringmatchlen): `*`,
/// `?`, `[abc]`, `[^a-z]` and `\` to escape, with the same answers as Redis 7.0 down to its quirks:
/// a range may be written backwards and compares bytes as signed C chars, `[a-]` is a range up to `]`,
/// an unterminated `[` takes the rest of the pattern as its class, a trailing `\` is a literal, no
/// pattern (not even `*`) matches an empty key, and a pattern whose 1,001st run of stars is followed by
/// more pattern matches nothing (Redis's guard against deep recursion).
///
/// Redis recurses at each star and once backtracked without limit (CVE-2022-36021). Here one pass
/// remembers only the latest star and retries it one byte further on a mismatch, which gives the same
/// answers, since every element but a star consumes exactly one byte: at worst pattern length times
/// key length steps, and no allocation.
struct GlobPattern {
  private let pattern: [UInt8]
  /// The pattern can match nothing (see the recursion guard above).
  private let matchesNothing: Bool

  /// Runs of stars Redis follows before its recursion guard gives up.
  static let starRunLimit = 1_000

  init(_ pattern: [UInt8]) {
    self.pattern = pattern
    matchesNothing = pattern.withUnsafeBufferPointer(Self.exceedsStarRuns)
  }

  /// Whether `pattern` matches all of `text`.
  static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
    GlobPattern(pattern).matches(text)
  }

  /// Whether the pattern matches all of `text`.
  func matches(_ text: [UInt8]) -> Bool {
    if matchesNothing { return false }
    // Redis's loop runs only while both pattern and key are left: an empty key matches only an empty
    // pattern.
    if text.isEmpty { return pattern.isEmpty }
    return pattern.withUnsafeBufferPointer { pattern in
      text.withUnsafeBufferPointer { text in Self.match(pattern, text) }
    }
  }

  private static let star = UInt8(ascii: "*")

  private static func match(_ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) -> Bool
  {
    var p = 0
    var t = 0
    // Where the pattern resumes after the latest star, and the key position that star was tried at.
    var resume = -1
    var resumeText = 0
    while t < text.count {
      if p < pattern.count && pattern[p] == star {
        while p < pattern.count && pattern[p] == star { p += 1 }
        if p == pattern.count { return true }
        resume = p
        resumeText = t
        continue
      }
      if p < pattern.count {
        let (matched, next) = step(pattern, p, text[t])
        if matched {
          p = next
          t += 1
          continue
        }
      }
      guard resume >= 0 else { return false }
      resumeText += 1
      t = resumeText
      p = resume
    }
    while p < pattern.count && pattern[p] == star { p += 1 }
    return p == pattern.count
  }

  /// Matches the one element at `p` (not a star) against `byte`: whether it matched, and where the
  /// next element starts.
  private static func step(_ pattern: UnsafeBufferPointer<UInt8>, _ p: Int, _ byte: UInt8) -> (Bool, Int) {
    switch pattern[p] {
    case UInt8(ascii: "?"):
      return (true, p + 1)
    case UInt8(ascii: "["):
      let (matched, next) = matchClass(pattern, p, byte)
      return (matched, next)
    case UInt8(ascii: "\\") where p + 1 < pattern.count:
      return (pattern[p + 1] == byte, p + 2)
    case let literal:
      return (literal == byte, p + 1)
    }
  }

  /// A `[...]` class starting at `p`, read as Redis reads it: an escape, then the closing `]`, then the
  /// end of the pattern (which ends the class), then a range `x-y`, then a literal. Returns whether
  /// `byte` (nil: no byte) is in the class and where the next element starts.
  private static func matchClass(
    _ pattern: UnsafeBufferPointer<UInt8>, _ p: Int, _ byte: UInt8?
  ) -> (matched: Bool, next: Int) {
    var i = p + 1
    let negate = i < pattern.count && pattern[i] == UInt8(ascii: "^")
    if negate { i += 1 }
    var matched = false
    while true {
      if i < pattern.count && pattern[i] == UInt8(ascii: "\\") && pattern.count - i >= 2 {
        i += 1
        if pattern[i] == byte { matched = true }
      } else if i < pattern.count && pattern[i] == UInt8(ascii: "]") {
        break
      } else if i >= pattern.count {
        i = pattern.count - 1
        break
      } else if pattern.count - i >= 3 && pattern[i + 1] == UInt8(ascii: "-") {
        if let byte, inRange(byte, pattern[i], pattern[i + 2]) { matched = true }
        i += 2
      } else if pattern[i] == byte {
        matched = true
      }
      i += 1
    }
    return (matched != negate, i + 1)
  }

  /// Redis compares C chars, signed here, and swaps a range written backwards.
  private static func inRange(_ byte: UInt8, _ low: UInt8, _ high: UInt8) -> Bool {
    let (first, last, value) = (Int8(bitPattern: low), Int8(bitPattern: high), Int8(bitPattern: byte))
    return value >= min(first, last) && value <= max(first, last)
  }

  /// True when the pattern has more than `starRunLimit` runs of stars and more pattern after the run
  /// that passes the limit: Redis's recursion then stops before any key can match.
  private static func exceedsStarRuns(_ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
    var runs = 0
    var p = 0
    while p < pattern.count {
      if pattern[p] == star {
        while p < pattern.count && pattern[p] == star { p += 1 }
        runs += 1
        if runs > starRunLimit { return p < pattern.count }
        continue
      }
      p = elementEnd(pattern, p)
    }
    return false
  }

  /// Where the element at `p` (not a star) ends, whatever byte it is matched against.
  private static func elementEnd(_ pattern: UnsafeBufferPointer<UInt8>, _ p: Int) -> Int {
    switch pattern[p] {
    case UInt8(ascii: "["): return matchClass(pattern, p, nil).next
    case UInt8(ascii: "\\") where p + 1 < pattern.count: return p + 2
    default: return p + 1
    }
  }
}
