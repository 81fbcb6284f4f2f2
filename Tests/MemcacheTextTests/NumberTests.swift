import MemcacheText
import Testing

/// memcached's safe_strtoul, safe_strtol and safe_strtoull, which decide CLIENT_ERROR replies.
@Suite("MemcacheNumber")
struct NumberTests {
  private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test("unsigned 32-bit: low bits of a 64-bit value, no minus sign, whitespace after allowed")
  func uint32() {
    #expect(MemcacheNumber.uint32(bytes("42")) == 42)
    #expect(MemcacheNumber.uint32(bytes("+7")) == 7)
    #expect(MemcacheNumber.uint32(bytes(" 7")) == 7)
    #expect(MemcacheNumber.uint32(bytes("7\t")) == 7)
    #expect(MemcacheNumber.uint32(bytes("4294967296")) == 0)
    #expect(MemcacheNumber.uint32(bytes("-1")) == nil)
    #expect(MemcacheNumber.uint32(bytes("-0")) == 0)
    #expect(MemcacheNumber.uint32(bytes("1x")) == nil)
    #expect(MemcacheNumber.uint32(bytes("")) == nil)
    #expect(MemcacheNumber.uint32(bytes("18446744073709551616")) == nil)
  }

  @Test("signed 32-bit: a C long cut to 32 bits; overflow of the long is refused")
  func int32() {
    #expect(MemcacheNumber.int32(bytes("-1")) == -1)
    #expect(MemcacheNumber.int32(bytes("2592000")) == 2_592_000)
    #expect(MemcacheNumber.int32(bytes("4294967297")) == 1)
    #expect(MemcacheNumber.int32(bytes("9223372036854775808")) == nil)
    #expect(MemcacheNumber.int32(bytes("-9223372036854775808")) == 0)
    #expect(MemcacheNumber.int32(bytes("abc")) == nil)
  }

  @Test("unsigned 64-bit: the full range; a minus sign only when the result still looks positive")
  func uint64() {
    #expect(MemcacheNumber.uint64(bytes("18446744073709551615")) == UInt64.max)
    #expect(MemcacheNumber.uint64(bytes("18446744073709551616")) == nil)
    #expect(MemcacheNumber.uint64(bytes("-1")) == nil)
    #expect(MemcacheNumber.uint64(bytes("-18446744073709551615")) == 1)
    #expect(MemcacheNumber.uint64(bytes("12 ")) == 12)
  }

  @Test("base64 round-trips every length and refuses what is not padded base64")
  func base64() {
    for length in 0..<40 {
      let data = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
      if length > 0 { #expect(Base64.decode(Base64.encode(data)) == data) }
    }
    #expect(Base64.encode(Array("foob".utf8)) == Array("Zm9vYg==".utf8))
    #expect(Base64.decode(Array("Zm9v!A==".utf8)) == nil)
    #expect(Base64.decode(Array("Zm9".utf8)) == nil)
  }
}
