import Testing

@testable import Terminal

@Suite struct KeyDecoderTests {
  /// The arrow, Home and End keys: one final byte each, after ESC [ (CSI) or, as a terminal in
  /// application cursor mode sends them, after ESC O (SS3).
  static let cursorKeySequences: [([UInt8], [Key])] = [UInt8(0x5B), 0x4F].flatMap { introducer in
    [(UInt8(0x41), Key.up), (0x42, .down), (0x43, .right), (0x44, .left), (0x48, .home), (0x46, .end)]
      .map { final, key in ([0x1B, introducer, final], [key]) }
  }

  /// Byte sequences and the keys they decode to, with no lone ESC at the end.
  static let sequences: [([UInt8], [Key])] =
    cursorKeySequences + [
      (Array("a".utf8), [.character("a")]),
      (Array("é".utf8), [.character("é")]),
      (Array("日".utf8), [.character("日")]),
      (Array("🚀".utf8), [.character("🚀")]),
      ([0x0D], [.enter]),
      ([0x0C], [.control("l")]),
      ([0x1A], [.control("z")]),
      ([0x0A], [.enter]),
      ([0x7F], [.backspace]),
      ([0x08], [.backspace]),
      ([0x09], [.tab]),
      ([0x03], [.interrupt]),
      ([0x04], [.endOfInput]),
      (Array("\u{1B}[1~".utf8), [.home]),
      (Array("\u{1B}[7~".utf8), [.home]),
      (Array("\u{1B}[4~".utf8), [.end]),
      (Array("\u{1B}[8~".utf8), [.end]),
      (Array("\u{1B}[5~".utf8), [.pageUp]),
      (Array("\u{1B}[6~".utf8), [.pageDown]),
      (Array("\u{1B}[1;5C".utf8), [.right]),
      (Array("\u{1B}[3~".utf8), []),
      (Array("\u{1B}x".utf8), [.escape, .character("x")]),
      (Array("\u{1B}\u{1B}[A".utf8), [.escape, .up]),
      (Array("ab\u{1B}[Bc\r".utf8), [.character("a"), .character("b"), .down, .character("c"), .enter]),
      (Array("日本\u{1B}OD".utf8), [.character("日"), .character("本"), .left]),
    ]

  @Test func wholeSequences() {
    for (bytes, keys) in Self.sequences {
      var decoder = KeyDecoder()
      #expect(decoder.feed(bytes) == keys, "\(bytes)")
      #expect(!decoder.hasPendingInput)
      #expect(decoder.flush() == [])
    }
  }

  @Test func everySequenceSplitAtEveryByte() {
    for (bytes, keys) in Self.sequences {
      for split in 0...bytes.count {
        var decoder = KeyDecoder()
        let decoded = decoder.feed(Array(bytes[..<split])) + decoder.feed(Array(bytes[split...]))
        #expect(decoded == keys, "\(bytes) split at \(split)")
      }
    }
  }

  @Test func everySequenceOneByteAtATime() {
    for (bytes, keys) in Self.sequences {
      var decoder = KeyDecoder()
      #expect(bytes.flatMap { decoder.feed([$0]) } == keys, "\(bytes)")
    }
  }

  @Test func incompleteSequenceWaits() {
    var decoder = KeyDecoder()
    #expect(decoder.feed([0x1B, 0x5B]) == [])
    #expect(decoder.hasPendingInput)
    #expect(decoder.feed([0x41]) == [.up])
    #expect(decoder.feed([0xE6, 0x97]) == [])
    #expect(decoder.feed([0xA5]) == [.character("日")])
  }

  @Test func loneEscapeBecomesEscapeOnFlush() {
    var decoder = KeyDecoder()
    #expect(decoder.feed([0x1B]) == [])
    #expect(decoder.flush() == [.escape])
    #expect(!decoder.hasPendingInput)
    #expect(decoder.feed(Array("q".utf8)) == [.character("q")])
  }

  @Test func flushGivesUpUnfinishedSequences() {
    var decoder = KeyDecoder()
    #expect(decoder.feed([0x1B, 0x5B, 0x31]) == [])
    #expect(decoder.flush() == [.escape, .character("["), .character("1")])
    #expect(decoder.feed([0xE6, 0x97]) == [])
    #expect(decoder.flush() == [.character("\u{FFFD}")])
  }

  @Test func invalidUTF8BecomesReplacementCharacter() {
    var decoder = KeyDecoder()
    #expect(decoder.feed([0xFF, 0x61]) == [.character("\u{FFFD}"), .character("a")])
    #expect(decoder.feed([0xC3, 0x28]) == [.character("\u{FFFD}"), .character("(")])
  }

  @Test func ctrlLettersAreKeysAndOtherControlBytesAreIgnored() {
    var decoder = KeyDecoder()
    #expect(decoder.feed([0x01, 0x61, 0x1A]) == [.control("a"), .character("a"), .control("z")])
    #expect(decoder.feed([0x00, 0x1C, 0x1F, 0x62]) == [.character("b")])
  }
}
