import Testing

@testable import Terminal

@Suite struct WrapTests {
  @Test func aNumberKeepsItsUnitOnItsLine() {
    #expect(wrap("compiled before, run 0.77 s", width: 25) == ["compiled before, run", "0.77 s"])
    #expect(wrap("a pass needs 80 %.", width: 15) == ["a pass needs", "80 %."])
    #expect(wrap("wait 2 s then 3 ms", width: 10) == ["wait 2 s", "then 3 ms"])
    #expect(wrap("the s key", width: 5) == ["the s", "key"], "a unit only sticks to a number")
  }

  @Test func wrapsAtWordBoundaries() {
    #expect(
      wrap("the quick brown fox jumps over the lazy dog", width: 15) == [
        "the quick brown", "fox jumps over", "the lazy dog",
      ])
  }

  @Test func collapsesBlanksBetweenWords() {
    #expect(wrap("a   b\tc", width: 10) == ["a b c"])
  }

  @Test func emptyTextIsOneEmptyLine() {
    #expect(wrap("", width: 10) == [""])
  }

  @Test func newlinesStartNewLines() {
    #expect(wrap("one two\n\nthree", width: 20) == ["one two", "", "three"])
  }

  @Test func indentsFirstAndFollowingLines() {
    #expect(
      wrap("alpha beta gamma delta", width: 12, firstIndent: "- ", indent: "  ") == [
        "- alpha beta", "  gamma", "  delta",
      ])
  }

  @Test func blankLinesDropTheIndentsTrailingSpaces() {
    #expect(wrap("a\n\nb", width: 10, firstIndent: "> ", indent: "> ") == ["> a", ">", "> b"])
  }

  @Test func breaksWordsLongerThanALine() {
    #expect(wrap("abcdefghijkl xy", width: 5) == ["abcde", "fghij", "kl xy"])
    #expect(wrap("go supercalifragilistic", width: 8) == ["go", "supercal", "ifragili", "stic"])
  }

  @Test func closesAndReopensStylesAcrossLines() {
    let text = "plain \u{1B}[1mbold words that wrap\u{1B}[0m end"
    #expect(
      wrap(text, width: 12) == [
        "plain \u{1B}[1mbold\u{1B}[0m",
        "\u{1B}[1mwords that\u{1B}[0m",
        "\u{1B}[1mwrap\u{1B}[0m end",
      ])
  }

  @Test func reopensEveryActiveStyle() {
    let text = "\u{1B}[1m\u{1B}[36mone two\u{1B}[0m"
    #expect(wrap(text, width: 3) == ["\u{1B}[1m\u{1B}[36mone\u{1B}[0m", "\u{1B}[1m\u{1B}[36mtwo\u{1B}[0m"])
  }

  @Test func styleOpenedBeforeABlankGoesWithTheNextWord() {
    let text = "see \u{1B}[2m(url)\u{1B}[0m"
    #expect(wrap(text, width: 5) == ["see", "\u{1B}[2m(url)\u{1B}[0m"])
  }

  @Test func breaksStyledLongWords() {
    #expect(
      wrap("\u{1B}[32mabcdef\u{1B}[0m", width: 4) == ["\u{1B}[32mabcd\u{1B}[0m", "\u{1B}[32mef\u{1B}[0m"])
  }

  @Test func wideCharactersTakeTwoColumns() {
    #expect(wrap("日本語 テキスト", width: 8) == ["日本語", "テキスト"])
    #expect(wrap("日本語テキスト", width: 5) == ["日本", "語テ", "キス", "ト"])
  }

  @Test func emojiTakeTwoColumns() {
    #expect(wrap("🚀🚀🚀 go", width: 6) == ["🚀🚀🚀", "go"])
    #expect(wrap("a 🚀🚀", width: 5) == ["a", "🚀🚀"])
  }

  @Test func noLineIsWiderThanTheWidth() {
    let text =
      "Caches 日本語 keep \u{1B}[1mrecent answers\u{1B}[0m close 🚀 so that supercalifragilistic words fit"
    for width in 4...30 {
      for line in wrap(text, width: width, firstIndent: "* ", indent: "  ") {
        #expect(DisplayWidth.of(line) <= width, "width \(width): \(line)")
      }
    }
  }
}
