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
    expectRendered(
      markdown, widths: [40, 80], themes: [.plain, colour],
      lines: [
        "  let hits = cache.hits",
        "",
        "    indented line",
      ])
  }

  @Test func swiftCode() {
    let markdown = #"""
      ```swift
      // Count hits
      let hits = 42 /* inline */
      print("hit \"\(hits)\"", 3.14)
      ```
      """#
    expectRendered(
      markdown, widths: [40, 80],
      styled: [
        "  \(sgr("90", "// Count hits"))",
        "  \(sgr("35", "let")) hits = \(sgr("33", "42")) \(sgr("90", "/* inline */"))",
        "  print(\(sgr("32", "\"hit \\\"\\(hits)\\\"\"")), \(sgr("33", "3.14")))",
      ])
  }

  @Test func pythonCode() {
    let markdown = #"""
      ```python
      def get(key):  # look up
          return cache.get(key, 'it\'s') or None
      ```
      """#
    expectRendered(
      markdown, widths: [40],
      styled: [
        "  \(sgr("35", "def")) get(key):  \(sgr("90", "# look up"))",
        "      \(sgr("35", "return")) cache.get(key, \(sgr("32", "'it\\'s'"))) \(sgr("35", "or"))",
        "        \(sgr("2", "↪")) \(sgr("35", "None"))",
      ])
    expectRendered(
      markdown, widths: [80],
      styled: [
        "  \(sgr("35", "def")) get(key):  \(sgr("90", "# look up"))",
        "      \(sgr("35", "return")) cache.get(key, \(sgr("32", "'it\\'s'"))) \(sgr("35", "or")) \(sgr("35", "None"))",
      ])
  }

  @Test func longCodeIsSoftWrappedNeverCut() {
    let markdown = #"""
      ```swift
      let aVeryLongLineOfCodeThatCannotBeWrapped = "and goes well past the forty column limit"
      ```
      """#
    expectRendered(
      markdown, widths: [40],
      styled: [
        "  \(sgr("35", "let"))",
        "    \(sgr("2", "↪")) aVeryLongLineOfCodeThatCannotBeWra",
        "    \(sgr("2", "↪")) pped = \(sgr("32", "\"and goes well past the"))",
        "    \(sgr("2", "↪")) \(sgr("32", "forty column limit\""))",
      ])
    expectRendered(
      markdown, widths: [80],
      styled: [
        "  \(sgr("35", "let")) aVeryLongLineOfCodeThatCannotBeWrapped = \(sgr("32", "\"and goes well past the forty"))",
        "    \(sgr("2", "↪")) \(sgr("32", "column limit\""))",
      ])
    expectRendered(
      markdown, widths: [40], themes: [ascii],
      lines: [
        "  let",
        "    > aVeryLongLineOfCodeThatCannotBeWra",
        "    > pped = \"and goes well past the",
        "    > forty column limit\"",
      ])
  }

}
