import Testing

@testable import Terminal

@Suite struct DisplayWidthTests {
  @Test func asciiCountsOnePerCharacter() {
    #expect(DisplayWidth.of("") == 0)
    #expect(DisplayWidth.of("cache hit") == 9)
  }

  @Test func escapeSequencesCountZero() {
    #expect(DisplayWidth.of("\u{1B}[1;36mhit\u{1B}[0m") == 3)
    #expect(DisplayWidth.of("\u{1B}[2K\u{1B}[10;20H") == 0)
    #expect(DisplayWidth.of("\u{1B}]8;;https://example.com\u{07}link\u{1B}]8;;\u{07}") == 4)
    #expect(DisplayWidth.of("\u{1B}]0;title\u{1B}\\ok") == 2)
  }

  @Test func wideCharactersCountTwo() {
    #expect(DisplayWidth.of("日本語") == 6)
    #expect(DisplayWidth.of("キャッシュ") == 10)
    #expect(DisplayWidth.of("한국") == 4)
    #expect(DisplayWidth.of("ＡＢ") == 4)
  }

  @Test func emojiCountTwo() {
    #expect(DisplayWidth.of("🚀") == 2)
    #expect(DisplayWidth.of("👍🏽") == 2)
    #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
    #expect(DisplayWidth.of("❤️") == 2)
    #expect(DisplayWidth.of("🇫🇷") == 2)
  }

  @Test func combiningMarksJoinersAndSelectorsCountZero() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("a\u{200D}b") == 2)
    #expect(DisplayWidth.of("\u{301}") == 0)
    #expect(DisplayWidth.of("x\u{FE0E}") == 1)
    #expect(DisplayWidth.of("\u{200B}") == 0)
  }

  @Test func mixedText() {
    #expect(DisplayWidth.of("\u{1B}[31m日本\u{1B}[0m ok 🚀") == 10)
    #expect(DisplayWidth.of("│ box ─") == 7)
  }

  @Test func strippedRemovesOnlyEscapes() {
    #expect(DisplayWidth.stripped("\u{1B}[1mbold\u{1B}[0m and \u{1B}[36m日本\u{1B}[0m") == "bold and 日本")
    #expect(DisplayWidth.stripped("\u{1B}]8;;u\u{07}x\u{1B}]8;;\u{07}") == "x")
    #expect(DisplayWidth.stripped("no escapes") == "no escapes")
  }
}
