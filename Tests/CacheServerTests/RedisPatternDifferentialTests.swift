import CacheServer
import RESP
import TestSupport
import Testing

/// KEYS and SCAN MATCH with seeded patterns full of stars, classes, ranges and escapes, against a real
/// redis-server holding the same keys: the matched keys must be the same (compared sorted, as neither
/// server promises an order).
@Suite("Redis glob patterns vs real redis-server", .serialized)
struct RedisPatternDifferentialTests {
  /// Bytes that keys and patterns are made of: letters, the glob's own syntax, and bytes over 0x7F,
  /// which Redis compares as signed chars in ranges.
  private static let alphabet: [UInt8] =
    Array("abc-]^[\\?*".utf8) + [0x00, 0x41, 0x7A, 0x7F, 0x80, 0xE9, 0xFF]

  @Test("3,000 seeded patterns match the same keys", arguments: [UInt64(18)])
  func seededPatterns(seed: UInt64) throws {
    guard let servers = try RedisSideBySide.start() else { return }
    let (real, mine) = (servers.real, servers.mine)
    var random = SplitMix64(seed: seed)
    var keys: Set<[UInt8]> = [[], Array(String(repeating: "a", count: 60).utf8)]
    while keys.count < 300 { keys.insert(word(&random, length: random.below(9))) }
    for key in keys {
      _ = try real.call(bytes: [Array("SET".utf8), key, [49]])
      _ = try mine.call(bytes: [Array("SET".utf8), key, [49]])
    }
    var mismatches: [String] = []
    for step in 0..<3_000 {
      let pattern = self.pattern(&random)
      let command: [[UInt8]] =
        step % 4 == 3
        ? [Array("SCAN".utf8), [48], Array("MATCH".utf8), pattern, Array("COUNT".utf8), Array("100000".utf8)]
        : [Array("KEYS".utf8), pattern]
      let expected = try real.call(bytes: command)
      let actual = try mine.call(bytes: command)
      if Self.matchedKeys(expected) != Self.matchedKeys(actual) || Self.matchedKeys(actual) == nil {
        mismatches.append(
          "pattern \(pattern): real \(expected?.readable ?? "nothing") ours \(actual?.readable ?? "nothing")")
        if mismatches.count >= 10 { break }
      }
    }
    #expect(mismatches.isEmpty, "\n\(mismatches.joined(separator: "\n"))")
  }

  @Test("patterns past Redis's 1,000 runs of stars, and ones that once backtracked for ever")
  func deepPatterns() throws {
    guard let servers = try RedisSideBySide.start() else { return }
    let (real, mine) = (servers.real, servers.mine)
    let key = String(repeating: "a", count: 3_000) + "b"
    for client in [real, mine] { _ = try client.call(["SET", key, "1"]) }
    var patterns: [String] = []
    for runs in [999, 1_000, 1_001, 1_002] {
      patterns += [
        String(repeating: "a*", count: runs) + "b", String(repeating: "*a", count: runs) + "*",
        String(repeating: "*a", count: runs), String(repeating: "*", count: runs) + "b",
      ]
    }
    patterns.append(String(repeating: "*a", count: 30) + "*c")
    for pattern in patterns {
      let expected = Self.matchedKeys(try real.call(["KEYS", pattern]))
      #expect(expected != nil)
      #expect(Self.matchedKeys(try mine.call(["KEYS", pattern])) == expected, "KEYS \(pattern.prefix(40))…")
    }
  }

  /// The keys of a KEYS or SCAN reply, sorted; nil for anything else.
  private static func matchedKeys(_ reply: RESPValue?) -> [[UInt8]]? {
    var items: [RESPValue]
    switch reply {
    case .array(let keys)?: items = keys
    default: return nil
    }
    if items.count == 2, case .array(let page) = items[1], case .bulkString = items[0] { items = page }
    var keys: [[UInt8]] = []
    for item in items {
      guard case .bulkString(let key) = item else { return nil }
      keys.append(key)
    }
    return keys.sorted { $0.lexicographicallyPrecedes($1) }
  }

  private func word(_ random: inout SplitMix64, length: Int) -> [UInt8] {
    (0..<length).map { _ in
      random.below(3) == 0
        ? Self.alphabet[random.below(Self.alphabet.count)] : UInt8(ascii: "a") + UInt8(random.below(3))
    }
  }

  /// A pattern of up to eight elements: literals, stars (sometimes many), `?`, escapes, and classes
  /// that may be negated, hold ranges (some backwards, some reaching `]`), escapes, or never close.
  private func pattern(_ random: inout SplitMix64) -> [UInt8] {
    var pattern: [UInt8] = []
    for _ in 0..<random.below(9) {
      switch random.below(8) {
      case 0, 1: pattern += word(&random, length: 1)
      case 2: pattern += Array(repeating: UInt8(ascii: "*"), count: 1 + random.below(2))
      case 3: pattern.append(UInt8(ascii: "?"))
      case 4: pattern += [UInt8(ascii: "\\")] + word(&random, length: random.below(2))
      default:
        pattern.append(UInt8(ascii: "["))
        if random.below(3) == 0 { pattern.append(UInt8(ascii: "^")) }
        for _ in 0..<random.below(4) {
          switch random.below(4) {
          case 0: pattern += word(&random, length: 1) + [UInt8(ascii: "-")] + word(&random, length: 1)
          case 1: pattern += [UInt8(ascii: "\\")] + word(&random, length: 1)
          default: pattern += word(&random, length: 1)
          }
        }
        if random.below(5) != 0 { pattern.append(UInt8(ascii: "]")) }
      }
    }
    return pattern
  }
}
