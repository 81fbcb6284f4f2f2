import Testing

@testable import Terminal

/// A code line too wide for the terminal is soft-wrapped, never cut: at the last space that fits, each
/// continuation under the line's indentation with a marker, and nothing of the code lost or changed.
struct CodeLineWrapTests {
  @Test func aLineThatFitsIsLeftAlone() {
    #expect(CodeLineWrap.wrap("  let x = 1", width: 11, marker: "↪ ") == ["  let x = 1"])
  }

  @Test func breaksAtTheLastSpaceThatFitsAndIndentsTheContinuation() {
    #expect(
      CodeLineWrap.wrap("    cache.set(key, value, timeout: 300)", width: 24, marker: "↪ ") == [
        "    cache.set(key,",
        "      ↪ value, timeout:",
        "      ↪ 300)",
      ])
  }

  @Test func aWordWiderThanTheLineBreaksAnywhereAndTheIndentIsNotABreak() {
    #expect(
      CodeLineWrap.wrap("  aVeryLongIdentifier", width: 10, marker: "↪ ") == [
        "  aVeryLon",
        "    ↪ gIde",
        "    ↪ ntif",
        "    ↪ ier",
      ])
  }

  @Test func withoutASpaceACallChainBreaksAfterItsPunctuation() {
    #expect(
      CodeLineWrap.wrap("  Product.objects.filter(pk=pk).update(price_cents=cents)", width: 40, marker: "↪ ")
        == [
          "  Product.objects.filter(pk=pk).update(",
          "    ↪ price_cents=cents)",
        ])
  }

  @Test func spacesInsideAPieceAreKept() {
    #expect(
      CodeLineWrap.wrap("  a  =  1   // the first", width: 13, marker: "> ") == [
        "  a  =  1",
        "    > // the",
        "    > first",
      ])
  }

  @Test func aStyleOpenAtTheBreakIsClosedAndReopenedAfterTheMarker() {
    let line = sgr("32", "\"one two\"") + ";"
    #expect(
      CodeLineWrap.wrap(line, width: 9, marker: "> ") == [
        "\u{1B}[32m\"one\u{1B}[0m",
        "  > \u{1B}[32mtwo\"\u{1B}[0m;",
      ])
  }

  @Test func deepIndentationGivesWayToTheCode() {
    let pieces = CodeLineWrap.wrap(
      String(repeating: " ", count: 16) + "return value or default", width: 24, marker: "↪ ")
    #expect(pieces.first == String(repeating: " ", count: 16) + "return")
    #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 10) + "↪ ") })
  }

  /// At every width, no piece is wider than the terminal and the code reads the same once the breaks
  /// (the dropped spaces, the continuation indent and markers) are taken out.
  @Test(arguments: [8, 12, 20, 31, 40, 56])
  func noPieceIsTooWideAndNoCodeIsLost(width: Int) {
    let lines = [
      "        return cache.get_or_set(f\"user:{user_id}\", lambda: load(user_id), timeout=300)",
      "  let reply = try await client.send(.set(key: \"session:8f2c\", value: payload, ttl: .seconds(1800)))",
      "  " + sgr("35", "let") + " total = " + sgr("32", "\"hits and misses add up to requests\"") + ";",
      "  x",
      // A break early, then bytes with no break in them: what follows the break must break again.
      "    f(b\"*4\\r\\n$6\\r\\nCLIENT\\r\\n$7\\r\\nSETINFO\\r\\n$8\\r\\nLIB-NAME\\r\\n\")",
      "send: *4\\r\\n$6\\r\\nCLIENT\\r\\n$7\\r\\nSETINFO\\r\\n$8\\r\\nLIB-NAME\\r\\n$8\\r\\nredis-py",
    ]
    for line in lines {
      let pieces = CodeLineWrap.wrap(line, width: width, marker: "↪ ")
      for piece in pieces {
        #expect(DisplayWidth.of(piece) <= width, "too wide at \(width): \(piece)")
      }
      let shown = pieces.map { DisplayWidth.stripped($0).replacingOccurrences(of: "↪", with: "") }.joined()
      #expect(shown.filter { $0 != " " } == DisplayWidth.stripped(line).filter { $0 != " " })
    }
  }
}
