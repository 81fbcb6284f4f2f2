import Testing

@testable import Terminal

@Suite struct MarkdownListTests {
  @Test func bulletList() {
    let markdown = #"""
      - Cache-aside: the application reads the cache first and falls back to the database
      - Write-through
        - nested **bold**
        - nested two
      - Write-back
      """#
    // Only the first item is long enough to wrap: the others render alike at both widths.
    let shortItems = [
      "• Write-through",
      "  • nested \(sgr("1", "bold"))",
      "  • nested two",
      "• Write-back",
    ]
    expectRendered(
      markdown, widths: [40],
      styled: [
        "• Cache-aside: the application reads the",
        "  cache first and falls back to the",
        "  database",
      ] + shortItems)
    expectRendered(
      markdown, widths: [80],
      styled: [
        "• Cache-aside: the application reads the cache first and falls back to the",
        "  database",
      ] + shortItems)
    expectRendered(
      markdown, widths: [40], themes: [ascii],
      lines: [
        "- Cache-aside: the application reads the",
        "  cache first and falls back to the",
        "  database",
        "- Write-through",
        "  - nested bold",
        "  - nested two",
        "- Write-back",
      ])
  }

  @Test func orderedList() {
    let markdown = #"""
      1. Look up the key
      2. On a miss, load it
         from the database
      3. Store it with a TTL so that stale values eventually disappear from the cache
      """#
    expectRendered(
      markdown, widths: [40], themes: [.plain, colour],
      lines: [
        "1. Look up the key",
        "2. On a miss, load it from the database",
        "3. Store it with a TTL so that stale",
        "   values eventually disappear from the",
        "   cache",
      ])
    expectRendered(
      markdown, widths: [80], themes: [.plain, colour],
      lines: [
        "1. Look up the key",
        "2. On a miss, load it from the database",
        "3. Store it with a TTL so that stale values eventually disappear from the cache",
      ])
  }

  @Test func looseList() {
    let markdown = #"""
      1. First paragraph.

         Second paragraph of the same item.
      2. Next item
      """#
    expectRendered(
      markdown, widths: [40, 80], themes: [.plain, colour],
      lines: [
        "1. First paragraph.",
        "",
        "   Second paragraph of the same item.",
        "2. Next item",
      ])
  }

}
