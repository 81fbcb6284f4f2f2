import Testing

@testable import Terminal

@Suite struct MarkdownBlockTests {
  @Test func headings() {
    let markdown = #"""
      # Caching basics

      ## Eviction

      ### LRU in practice #
      """#
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, .plain) == [
          "Caching basics",
          "══════════════",
          "",
          "Eviction",
          "",
          "LRU in practice",
        ])
    }
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, colour) == [
          "\(sgr("1", "Caching basics"))",
          "\(sgr("1", "══════════════"))",
          "",
          "\(sgr("1;36", "Eviction"))",
          "",
          "\(sgr("1", "LRU in practice"))",
        ])
    }
    #expect(
      rendered(markdown, width: 40, ascii) == [
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
    #expect(
      rendered(markdown, width: 40, .plain) == [
        "A heading that is long enough to wrap",
        "onto a second line at forty",
        "═════════════════════════════════════",
      ])
    #expect(
      rendered(markdown, width: 80, .plain) == [
        "A heading that is long enough to wrap onto a second line at forty",
        "═════════════════════════════════════════════════════════════════",
      ])
    #expect(
      rendered(markdown, width: 40, colour) == [
        "\(sgr("1", "A heading that is long enough to wrap"))",
        "\(sgr("1", "onto a second line at forty"))",
        "\(sgr("1", "═════════════════════════════════════"))",
      ])
    #expect(
      rendered(markdown, width: 80, colour) == [
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
    #expect(
      rendered(markdown, width: 40, .plain) == [
        "A cache keeps recent answers close, so",
        "the second request for the same key is",
        "served from memory instead of the",
        "database.",
        "",
        "A second paragraph.",
      ])
    #expect(
      rendered(markdown, width: 80, .plain) == [
        "A cache keeps recent answers close, so the second request for the same key is",
        "served from memory instead of the database.",
        "",
        "A second paragraph.",
      ])
    #expect(
      rendered(markdown, width: 40, colour) == [
        "A cache keeps recent answers close, so",
        "the second request for the same key is",
        "served from memory instead of the",
        "database.",
        "",
        "A second paragraph.",
      ])
    #expect(
      rendered(markdown, width: 80, colour) == [
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
    #expect(
      rendered(markdown, width: 40, .plain) == [
        "│ There are only two hard things in",
        "│ Computer Science: cache invalidation",
        "│ and naming things.",
        "│",
        "│ -- Phil Karlton",
      ])
    #expect(
      rendered(markdown, width: 80, .plain) == [
        "│ There are only two hard things in Computer Science: cache invalidation and",
        "│ naming things.",
        "│",
        "│ -- Phil Karlton",
      ])
    #expect(
      rendered(markdown, width: 40, colour) == [
        "\(sgr("2", "│")) \(sgr("3", "There are only two hard things in"))",
        "\(sgr("2", "│")) \(sgr("3", "Computer Science: cache invalidation"))",
        "\(sgr("2", "│")) \(sgr("3", "and naming things."))",
        "\(sgr("2", "│"))",
        "\(sgr("2", "│")) \(sgr("3", "-- Phil Karlton"))",
      ])
    #expect(
      rendered(markdown, width: 80, colour) == [
        "\(sgr("2", "│")) \(sgr("3", "There are only two hard things in Computer Science: cache invalidation and"))",
        "\(sgr("2", "│")) \(sgr("3", "naming things."))",
        "\(sgr("2", "│"))",
        "\(sgr("2", "│")) \(sgr("3", "-- Phil Karlton"))",
      ])
    #expect(
      rendered(markdown, width: 40, ascii) == [
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
    #expect(
      rendered(markdown, width: 40, .plain) == [
        "Above",
        "",
        "────────────────────────────────────────",
        "",
        "Below",
        "",
        "────────────────────────────────────────",
      ])
    #expect(
      rendered(markdown, width: 80, .plain) == [
        "Above",
        "",
        "────────────────────────────────────────────────────────────────────────────────",
        "",
        "Below",
        "",
        "────────────────────────────────────────────────────────────────────────────────",
      ])
    #expect(
      rendered(markdown, width: 40, colour) == [
        "Above",
        "",
        "\(sgr("90", "────────────────────────────────────────"))",
        "",
        "Below",
        "",
        "\(sgr("90", "────────────────────────────────────────"))",
      ])
    #expect(
      rendered(markdown, width: 80, colour) == [
        "Above",
        "",
        "\(sgr("90", "────────────────────────────────────────────────────────────────────────────────"))",
        "",
        "Below",
        "",
        "\(sgr("90", "────────────────────────────────────────────────────────────────────────────────"))",
      ])
    #expect(
      rendered(markdown, width: 40, ascii) == [
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
    #expect(
      rendered(markdown, width: 40, .plain) == [
        "<b>bold?</b> stays as text & so does",
        "<br>.",
      ])
    #expect(
      rendered(markdown, width: 80, .plain) == [
        "<b>bold?</b> stays as text & so does <br>."
      ])
    #expect(
      rendered(markdown, width: 40, colour) == [
        "<b>bold?</b> stays as text & so does",
        "<br>.",
      ])
    #expect(
      rendered(markdown, width: 80, colour) == [
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
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, .plain) == [
          "Summary",
          "",
          "Text right under the heading.",
          "",
          "• item",
          "",
          "│ quote",
          "",
          "  code",
          "",
          "End.",
        ])
    }
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, colour) == [
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

}
