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
    #expect(
      rendered(markdown, width: 40, .plain) == [
        "• Cache-aside: the application reads the",
        "  cache first and falls back to the",
        "  database",
        "• Write-through",
        "  • nested bold",
        "  • nested two",
        "• Write-back",
      ])
    #expect(
      rendered(markdown, width: 80, .plain) == [
        "• Cache-aside: the application reads the cache first and falls back to the",
        "  database",
        "• Write-through",
        "  • nested bold",
        "  • nested two",
        "• Write-back",
      ])
    #expect(
      rendered(markdown, width: 40, colour) == [
        "• Cache-aside: the application reads the",
        "  cache first and falls back to the",
        "  database",
        "• Write-through",
        "  • nested \(sgr("1", "bold"))",
        "  • nested two",
        "• Write-back",
      ])
    #expect(
      rendered(markdown, width: 80, colour) == [
        "• Cache-aside: the application reads the cache first and falls back to the",
        "  database",
        "• Write-through",
        "  • nested \(sgr("1", "bold"))",
        "  • nested two",
        "• Write-back",
      ])
    #expect(
      rendered(markdown, width: 40, ascii) == [
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
    #expect(
      rendered(markdown, width: 40, .plain) == [
        "1. Look up the key",
        "2. On a miss, load it from the database",
        "3. Store it with a TTL so that stale",
        "   values eventually disappear from the",
        "   cache",
      ])
    #expect(
      rendered(markdown, width: 80, .plain) == [
        "1. Look up the key",
        "2. On a miss, load it from the database",
        "3. Store it with a TTL so that stale values eventually disappear from the cache",
      ])
    #expect(
      rendered(markdown, width: 40, colour) == [
        "1. Look up the key",
        "2. On a miss, load it from the database",
        "3. Store it with a TTL so that stale",
        "   values eventually disappear from the",
        "   cache",
      ])
    #expect(
      rendered(markdown, width: 80, colour) == [
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
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, .plain) == [
          "1. First paragraph.",
          "",
          "   Second paragraph of the same item.",
          "2. Next item",
        ])
    }
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, colour) == [
          "1. First paragraph.",
          "",
          "   Second paragraph of the same item.",
          "2. Next item",
        ])
    }
  }

}
