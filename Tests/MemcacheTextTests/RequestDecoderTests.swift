import MemcacheText
import Testing

@Suite("MemcacheRequestDecoder")
struct RequestDecoderTests {
  /// Frames `input` fed in pieces of `split` bytes, asking for a data block after each storage line
  /// the way a server does.
  private func frames(_ input: [UInt8], split: Int) -> [MemcacheRequestDecoder.Frame] {
    var decoder = MemcacheRequestDecoder()
    var result: [MemcacheRequestDecoder.Frame] = []
    var offset = 0
    while offset < input.count {
      decoder.append(Array(input[offset..<min(offset + split, input.count)]))
      offset += split
      while let frame = decoder.next() {
        result.append(frame)
        if case .line(let tokens) = frame, tokens.count >= 5, tokens[0] == Array("set".utf8),
          let length = MemcacheNumber.int32(tokens[4])
        {
          decoder.expectData(count: Int(length) + 2)
        }
      }
    }
    return result
  }

  /// A decoder fed a storage command line and what follows it, past the line, which it expects to
  /// come out as one line frame: where a test of the data block that follows begins.
  private func decoderPast(
    _ line: String, followedBy rest: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> MemcacheRequestDecoder {
    var decoder = MemcacheRequestDecoder()
    decoder.append(Array((line + "\r\n" + rest).utf8))
    #expect(decoder.next() == .line(MemcacheTokens(line)), sourceLocation: sourceLocation)
    return decoder
  }

  @Test("a pipeline split at every byte gives the same frames, data blocks with CR LF inside whole")
  // A line that is a CR alone keeps it, as memcached does (it drops the CR only from longer lines).
  func splitAtEveryByte() {
    let input = Array("set k 0 0 6\r\na\r\nb\nc\r\nget k  other\r\nversion\n\r\n".utf8)
    let expected: [MemcacheRequestDecoder.Frame] = [
      .line(MemcacheTokens("set k 0 0 6")), .data(Array("a\r\nb\nc".utf8), terminated: true),
      .line(MemcacheTokens("get k other")), .line(MemcacheTokens("version")), .line(MemcacheTokens("\r")),
    ]
    for split in 1...input.count {
      #expect(frames(input, split: split) == expected, "split \(split)")
    }
  }

  @Test("tokens split at runs of spaces only; noreply is the last token")
  func tokens() {
    let tokens = MemcacheTokens("  set\tx  k 1 noreply ")
    #expect(tokens.tokens.map { String(decoding: $0, as: UTF8.self) } == ["set\tx", "k", "1", "noreply"])
    #expect(tokens.hasNoReply)
    #expect(!MemcacheTokens("noreply get").hasNoReply)
  }

  @Test("tokens of a line in the middle of a buffer, past a NUL, and beyond the first eight")
  func tokensInPlace() {
    let buffer = Array("xxget a b c d e f g h i\0 j k".utf8)
    let tokens = MemcacheTokens(buffer[2...])
    #expect(tokens.count == 10)
    #expect(tokens.slice(0) == Array("get".utf8)[...])
    #expect(tokens.tokens.last == Array("i".utf8))
    #expect(MemcacheTokens(buffer[2..<2]).isEmpty)
    #expect(MemcacheTokens("   ").isEmpty)
  }

  @Test("a block that does not end in CR LF is reported as such")
  func unterminatedBlock() {
    var decoder = decoderPast("set k 0 0 2", followedBy: "abcd\r\n")
    decoder.expectData(count: 4)
    #expect(decoder.next() == .data(Array("ab".utf8), terminated: false))
    // What is left, a CR alone before the LF, is a line of its own, as in memcached.
    #expect(decoder.next() == .line(MemcacheTokens("\r")))
  }

  @Test("a refused block is swallowed, also when it arrives later and in pieces")
  func swallow() {
    var decoder = decoderPast("set k 0 0 10", followedBy: "0123")
    decoder.swallow(count: 12)
    #expect(decoder.next() == nil)
    decoder.append(Array("456".utf8))
    #expect(decoder.next() == nil)
    decoder.append(Array("789\r\nversion\r\n".utf8))
    #expect(decoder.next() == .line(MemcacheTokens("version")))
    #expect(decoder.bufferedByteCount == 0)
  }

  @Test("a line without LF past 2,048 bytes closes, unless it is a get or gets")
  func lineLimit() {
    var junk = MemcacheRequestDecoder()
    junk.append(Array(repeating: UInt8(ascii: "x"), count: 2_048))
    #expect(junk.next() == nil)
    junk.append([UInt8(ascii: "x")])
    #expect(junk.next() == .lineTooLong)
    var multiGet = MemcacheRequestDecoder()
    multiGet.append(Array("get ".utf8) + Array(repeating: UInt8(ascii: "k"), count: 5_000))
    #expect(multiGet.next() == nil)
    multiGet.append(Array("\r\n".utf8))
    guard case .line(let tokens) = multiGet.next() else {
      Issue.record("the long get line did not arrive")
      return
    }
    #expect(tokens.count == 2 && tokens[1].count == 5_000)
    var indented = MemcacheRequestDecoder()
    indented.append(
      Array(repeating: UInt8(ascii: " "), count: 101) + Array("get ".utf8)
        + Array(repeating: 107, count: 2_000))
    #expect(indented.next() == .lineTooLong)
  }
}
