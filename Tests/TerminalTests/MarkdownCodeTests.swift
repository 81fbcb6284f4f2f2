import Testing

@testable import Terminal

@Suite struct MarkdownCodeTests {
  @Test func codeBlock() {
    let markdown = #"""
      ```
      let hits = cache.hits

        indented line
      ```
      """#
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, .plain) == [
          "  let hits = cache.hits",
          "",
          "    indented line",
        ])
    }
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, colour) == [
          "  let hits = cache.hits",
          "",
          "    indented line",
        ])
    }
  }

  @Test func swiftCode() {
    let markdown = #"""
      ```swift
      // Count hits
      let hits = 42 /* inline */
      print("hit \"\(hits)\"", 3.14)
      ```
      """#
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, .plain) == [
          "  // Count hits",
          "  let hits = 42 /* inline */",
          "  print(\"hit \\\"\\(hits)\\\"\", 3.14)",
        ])
    }
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, colour) == [
          "  \(sgr("90", "// Count hits"))",
          "  \(sgr("35", "let")) hits = \(sgr("33", "42")) \(sgr("90", "/* inline */"))",
          "  print(\(sgr("32", "\"hit \\\"\\(hits)\\\"\"")), \(sgr("33", "3.14")))",
        ])
    }
  }

  @Test func pythonCode() {
    let markdown = #"""
      ```python
      def get(key):  # look up
          return cache.get(key, 'it\'s') or None
      ```
      """#
    #expect(
      rendered(markdown, width: 40, .plain) == [
        "  def get(key):  # look up",
        "      return cache.get(key, 'it\\'s') or…",
      ])
    #expect(
      rendered(markdown, width: 80, .plain) == [
        "  def get(key):  # look up",
        "      return cache.get(key, 'it\\'s') or None",
      ])
    #expect(
      rendered(markdown, width: 40, colour) == [
        "  \(sgr("35", "def")) get(key):  \(sgr("90", "# look up"))",
        "      \(sgr("35", "return")) cache.get(key, \(sgr("32", "'it\\'s'"))) \(sgr("35", "or"))…",
      ])
    #expect(
      rendered(markdown, width: 80, colour) == [
        "  \(sgr("35", "def")) get(key):  \(sgr("90", "# look up"))",
        "      \(sgr("35", "return")) cache.get(key, \(sgr("32", "'it\\'s'"))) \(sgr("35", "or")) \(sgr("35", "None"))",
      ])
  }

  @Test func longCode() {
    let markdown = #"""
      ```swift
      let aVeryLongLineOfCodeThatCannotBeWrapped = "and goes well past the forty column limit"
      ```
      """#
    #expect(
      rendered(markdown, width: 40, .plain) == [
        "  let aVeryLongLineOfCodeThatCannotBeWr…"
      ])
    #expect(
      rendered(markdown, width: 80, .plain) == [
        "  let aVeryLongLineOfCodeThatCannotBeWrapped = \"and goes well past the forty co…"
      ])
    #expect(
      rendered(markdown, width: 40, colour) == [
        "  \(sgr("35", "let")) aVeryLongLineOfCodeThatCannotBeWr…"
      ])
    #expect(
      rendered(markdown, width: 80, colour) == [
        "  \(sgr("35", "let")) aVeryLongLineOfCodeThatCannotBeWrapped = \(sgr("32", "\"and goes well past the forty co…"))"
      ])
    #expect(
      rendered(markdown, width: 40, ascii) == [
        "  let aVeryLongLineOfCodeThatCannotBe..."
      ])
  }

}
