import Testing

@testable import Terminal

@Suite struct BoxTests {
  @Test func unicodeFrameWithTitle() {
    #expect(
      Box.render(title: "Hint", lines: ["Try a TTL.", "日本語 🚀"], width: 20, theme: .plain) == [
        "┌─ Hint ───────────┐",
        "│ Try a TTL.       │",
        "│ 日本語 🚀        │",
        "└──────────────────┘",
      ])
  }

  @Test func asciiFrameWithTitle() {
    let theme = Theme(color: false, unicode: false)
    #expect(
      Box.render(title: "Hint", lines: ["Try a TTL."], width: 20, theme: theme) == [
        "+- Hint -----------+",
        "| Try a TTL.       |",
        "+------------------+",
      ])
  }

  @Test func withoutTitleLongLinesWrapWithAMarker() {
    #expect(
      Box.render(title: nil, lines: ["x", "a line that is too long"], width: 16, theme: .plain) == [
        "┌──────────────┐",
        "│ x            │",
        "│ a line that  │",
        "│   ↪ is too   │",
        "│   ↪ long     │",
        "└──────────────┘",
      ])
  }

  @Test func aLongTitleGoesOnInsideTheBoxWrappedBetweenWords() {
    #expect(
      Box.render(title: "A very long title indeed", lines: ["x"], width: 16, theme: .plain) == [
        "┌─ A very ─────┐",
        "│ long title   │",
        "│ indeed       │",
        "│ x            │",
        "└──────────────┘",
      ])
  }

  @Test func colourPaintsTheFrameAndPadsByDisplayWidth() {
    let lines = Box.render(
      title: "Hint", lines: [sgr("1", "Try")], width: 14, theme: colour, style: .cyan)
    #expect(
      lines == [
        "\(sgr("36", "┌─ "))\(sgr("1;36", "Hint"))\(sgr("36", " ─────┐"))",
        "\(sgr("36", "│")) \(sgr("1", "Try"))        \(sgr("36", "│"))",
        sgr("36", "└────────────┘"),
      ])
    #expect(lines.allSatisfy { DisplayWidth.of($0) == 14 })
  }
}
