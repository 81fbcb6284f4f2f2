import Testing

@testable import Terminal

@Suite struct MarkdownWidthTests {
  static let document = """
    # Caching basics with a title long enough to wrap

    A cache keeps *recent* answers **close**, so `cache.get(key)` is fast; see [the docs](https://example.com/a/long/path).
    日本語のテキストと絵文字 🚀 もあります。

    - Cache-aside: the application reads the cache first
      - nested item with supercalifragilisticexpialidocious words
        1. deep ordered item that also wraps around
    - Write-through

    > A quote with **bold** text that keeps going for a while.

    ```swift
    let value = cache.get("a very long key that will not fit on a narrow terminal") // comment
    ```

    | Policy | Hit rate | Notes |
    |:--|--:|:-:|
    | LRU | 0.91 | good default for most workloads with recency |
    | 日本 | 0.5 | 🚀 |

    ---
    """

  @Test func noLineIsWiderThanTheWidth() {
    for theme in [Theme.plain, colour, ascii] {
      for width in 20...100 {
        for line in MarkdownRenderer(width: width, theme: theme).renderLines(Self.document) {
          #expect(DisplayWidth.of(line) <= width, "width \(width): \(line)")
        }
      }
    }
  }

  @Test func blankLinesOnlyBetweenBlocks() {
    let lines = MarkdownRenderer(width: 60, theme: .plain).renderLines("\n\n# A\n\n\n\nText\n\n\n")
    #expect(lines == ["A", "═", "", "Text"])
    #expect(MarkdownRenderer(width: 60, theme: .plain).render("One\ntwo") == "One two\n")
    #expect(MarkdownRenderer(width: 60, theme: .plain).renderLines("") == [])
  }

  @Test func plainOutputHasNoEscapes() {
    for line in MarkdownRenderer(width: 50, theme: .plain).renderLines(Self.document) {
      #expect(!line.contains("\u{1B}"))
    }
  }
}
