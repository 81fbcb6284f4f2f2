import CacheKit
import Testing

@Suite("Value codec, decimal integers and key warnings")
struct ValueCodecTests {
  @Test("integers encode as decimal text, text as UTF-8, bytes as they are")
  func encodings() throws {
    #expect(try CacheValueCodec.encode(42) == Array("42".utf8))
    #expect(try CacheValueCodec.encode(Int64.min) == Array("-9223372036854775808".utf8))
    #expect(try CacheValueCodec.encode(UInt8(7)) == Array("7".utf8))
    #expect(try CacheValueCodec.encode("héllo") == Array("héllo".utf8))
    #expect(try CacheValueCodec.encode([UInt8]([0, 255])) == [0, 255])
    #expect(try CacheValueCodec.encode(["a": 1]) == Array(#"{"a":1}"#.utf8))
  }

  @Test("decimal parsing accepts what INCRBY accepts and refuses the rest")
  func decimalParsing() {
    #expect(DecimalInteger.parse(Array("0".utf8)) == 0)
    #expect(DecimalInteger.parse(Array("-17".utf8)) == -17)
    #expect(DecimalInteger.parse(Array("9223372036854775807".utf8)) == Int.max)
    #expect(DecimalInteger.parse(Array("-9223372036854775808".utf8)) == Int.min)
    for bad in ["", "-", "9223372036854775808", "12a", " 1", "1.0", "+1", "99999999999999999999"] {
      #expect(DecimalInteger.parse(Array(bad.utf8)) == nil, "\(bad) parsed")
    }
  }

  @Test("warning patterns fold digits so one pattern warns once")
  func patterns() {
    let first = CacheKeyWarning(kind: .invalidCharacter, key: ":1:user 17")
    let second = CacheKeyWarning(kind: .invalidCharacter, key: ":1:user 2024")
    let other = CacheKeyWarning(kind: .invalidCharacter, key: ":1:post 17")
    #expect(first.pattern == second.pattern)
    #expect(first.pattern != other.pattern)
    #expect(first.description.contains("':1:user\\u{20}17'"))
  }

  @Test("validation counts characters and flags the forbidden bytes only")
  func validation() {
    #expect(KeyValidation.problems(in: String(repeating: "ü", count: 250)).isEmpty)
    #expect(
      KeyValidation.problems(in: String(repeating: "ü", count: 251)).map(\.kind) == [.tooLong(length: 251)])
    #expect(KeyValidation.problems(in: "a\u{20}b").map(\.kind) == [.invalidCharacter])
    #expect(KeyValidation.problems(in: "!~\u{80}").isEmpty)
  }
}
