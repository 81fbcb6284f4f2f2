import Testing

@testable import Terminal

@Suite struct MarkdownBlockTests {
  @Test func headings() {
    let markdown = #"""
      # Caching basics

      ## Eviction

      ### LRU in practice #
      """#
    expectRendered(
      markdown, widths: [40, 80],
      styled: [
        "\(sgr("1", "Caching basics"))",
        "\(sgr("1", "══════════════"))",
        "",
        "\(sgr("1;36", "Eviction"))",
        "",
        "\(sgr("1", "LRU in practice"))",
      ])
    expectRendered(
      markdown, widths: [40], themes: [ascii],
      lines: [
        "Caching basics",
        "==============",
        "",
        "Eviction",
        "",
        "LRU in practice",
      ])
  }

  @Test func longHeading() {
    let markdown = "# A heading that is long enough to wrap onto a second line at forty"
    expectRendered(
      markdown, widths: [40],
      styled: [
        "\(sgr("1", "A heading that is long enough to wrap"))",
        "\(sgr("1", "onto a second line at forty"))",
        "\(sgr("1", "═════════════════════════════════════"))",
      ])
    expectRendered(
      markdown, widths: [80],
      styled: [
        "\(sgr("1", "A heading that is long enough to wrap onto a second line at forty"))",
        "\(sgr("1", "═════════════════════════════════════════════════════════════════"))",
      ])
  }

  @Test func paragraph() {
    let markdown = #"""
      A cache keeps recent answers close,
      so the second request for the same key is served from memory instead of the database.

      A second paragraph.
      """#
    expectRendered(
      markdown, widths: [40], themes: [.plain, colour],
      lines: [
        "A cache keeps recent answers close, so",
        "the second request for the same key is",
        "served from memory instead of the",
        "database.",
        "",
        "A second paragraph.",
      ])
    expectRendered(
      markdown, widths: [80], themes: [.plain, colour],
      lines: [
        "A cache keeps recent answers close, so the second request for the same key is",
        "served from memory instead of the database.",
        "",
        "A second paragraph.",
      ])
  }

  @Test func quote() {
    let markdown = #"""
      > There are only two hard things in Computer Science: cache invalidation and naming things.
      >
      > -- *Phil Karlton*
      """#
    expectRendered(
      markdown, widths: [40],
      styled: [
        "\(sgr("2", "│")) \(sgr("3", "There are only two hard things in"))",
        "\(sgr("2", "│")) \(sgr("3", "Computer Science: cache invalidation"))",
        "\(sgr("2", "│")) \(sgr("3", "and naming things."))",
        "\(sgr("2", "│"))",
        "\(sgr("2", "│")) \(sgr("3", "-- Phil Karlton"))",
      ])
    expectRendered(
      markdown, widths: [80],
      styled: [
        "\(sgr("2", "│")) \(sgr("3", "There are only two hard things in Computer Science: cache invalidation and"))",
        "\(sgr("2", "│")) \(sgr("3", "naming things."))",
        "\(sgr("2", "│"))",
        "\(sgr("2", "│")) \(sgr("3", "-- Phil Karlton"))",
      ])
    expectRendered(
      markdown, widths: [40], themes: [ascii],
      lines: [
        "| There are only two hard things in",
        "| Computer Science: cache invalidation",
        "| and naming things.",
        "|",
        "| -- Phil Karlton",
      ])
  }

  @Test func rule() {
    let markdown = #"""
      Above

      ---

      Below

      ***
      """#
    expectRendered(
      markdown, widths: [40],
      styled: [
        "Above",
        "",
        "\(sgr("90", "────────────────────────────────────────"))",
        "",
        "Below",
        "",
        "\(sgr("90", "────────────────────────────────────────"))",
      ])
    expectRendered(
      markdown, widths: [80],
      styled: [
        "Above",
        "",
        "\(sgr("90", "────────────────────────────────────────────────────────────────────────────────"))",
        "",
        "Below",
        "",
        "\(sgr("90", "────────────────────────────────────────────────────────────────────────────────"))",
      ])
    expectRendered(
      markdown, widths: [40], themes: [ascii],
      lines: [
        "Above",
        "",
        "----------------------------------------",
        "",
        "Below",
        "",
        "----------------------------------------",
      ])
  }

  @Test func html() {
    let markdown = "<b>bold?</b> stays as text & so does <br>."
    expectRendered(
      markdown, widths: [40], themes: [.plain, colour],
      lines: [
        "<b>bold?</b> stays as text & so does",
        "<br>.",
      ])
    expectRendered(
      markdown, widths: [80], themes: [.plain, colour],
      lines: [
        "<b>bold?</b> stays as text & so does <br>."
      ])
  }

  @Test func mixed() {
    let markdown = #"""
      ## Summary
      Text right under the heading.
      - item
      > quote
      ```
      code
      ```
      End.
      """#
    expectRendered(
      markdown, widths: [40, 80],
      styled: [
        "\(sgr("1;36", "Summary"))",
        "",
        "Text right under the heading.",
        "",
        "• item",
        "",
        "\(sgr("2", "│")) \(sgr("3", "quote"))",
        "",
        "  code",
        "",
        "End.",
      ])
  }

}
