import Testing

@testable import Terminal

@Suite struct MarkdownTableTests {
  @Test func table() {
    let markdown = #"""
      | Policy | Hit rate | Notes |
      |:--|--:|:-:|
      | LRU | 0.91 | good default |
      | FIFO | 0.85 | simple |
      """#
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, .plain) == [
          "┌────────┬──────────┬──────────────┐",
          "│ Policy │ Hit rate │    Notes     │",
          "├────────┼──────────┼──────────────┤",
          "│ LRU    │     0.91 │ good default │",
          "│ FIFO   │     0.85 │    simple    │",
          "└────────┴──────────┴──────────────┘",
        ])
    }
    for width in [40, 80] {
      #expect(
        rendered(markdown, width: width, colour) == [
          "┌────────┬──────────┬──────────────┐",
          "│ \(sgr("1", "Policy")) │ \(sgr("1", "Hit rate")) │    \(sgr("1", "Notes"))     │",
          "├────────┼──────────┼──────────────┤",
          "│ LRU    │     0.91 │ good default │",
          "│ FIFO   │     0.85 │    simple    │",
          "└────────┴──────────┴──────────────┘",
        ])
    }
    #expect(
      rendered(markdown, width: 40, ascii) == [
        "+--------+----------+--------------+",
        "| Policy | Hit rate |    Notes     |",
        "+--------+----------+--------------+",
        "| LRU    |     0.91 | good default |",
        "| FIFO   |     0.85 |    simple    |",
        "+--------+----------+--------------+",
      ])
  }

  @Test func wideTable() {
    let markdown = #"""
      | Policy | Hit rate | Notes |
      |---|--:|---|
      | LRU | 0.91 | a good default for most workloads that have some recency |
      | FIFO | 0.85 | simple and predictable |
      """#
    #expect(
      rendered(markdown, width: 40, .plain) == [
        "┌────────┬──────────┬──────────────────┐",
        "│ Policy │ Hit rate │ Notes            │",
        "├────────┼──────────┼──────────────────┤",
        "│ LRU    │     0.91 │ a good default   │",
        "│        │          │ for most         │",
        "│        │          │ workloads that   │",
        "│        │          │ have some        │",
        "│        │          │ recency          │",
        "│ FIFO   │     0.85 │ simple and       │",
        "│        │          │ predictable      │",
        "└────────┴──────────┴──────────────────┘",
      ])
    #expect(
      rendered(markdown, width: 80, .plain) == [
        "┌────────┬──────────┬──────────────────────────────────────────────────────────┐",
        "│ Policy │ Hit rate │ Notes                                                    │",
        "├────────┼──────────┼──────────────────────────────────────────────────────────┤",
        "│ LRU    │     0.91 │ a good default for most workloads that have some recency │",
        "│ FIFO   │     0.85 │ simple and predictable                                   │",
        "└────────┴──────────┴──────────────────────────────────────────────────────────┘",
      ])
    #expect(
      rendered(markdown, width: 40, colour) == [
        "┌────────┬──────────┬──────────────────┐",
        "│ \(sgr("1", "Policy")) │ \(sgr("1", "Hit rate")) │ \(sgr("1", "Notes"))            │",
        "├────────┼──────────┼──────────────────┤",
        "│ LRU    │     0.91 │ a good default   │",
        "│        │          │ for most         │",
        "│        │          │ workloads that   │",
        "│        │          │ have some        │",
        "│        │          │ recency          │",
        "│ FIFO   │     0.85 │ simple and       │",
        "│        │          │ predictable      │",
        "└────────┴──────────┴──────────────────┘",
      ])
    #expect(
      rendered(markdown, width: 80, colour) == [
        "┌────────┬──────────┬──────────────────────────────────────────────────────────┐",
        "│ \(sgr("1", "Policy")) │ \(sgr("1", "Hit rate")) │ \(sgr("1", "Notes"))                                                    │",
        "├────────┼──────────┼──────────────────────────────────────────────────────────┤",
        "│ LRU    │     0.91 │ a good default for most workloads that have some recency │",
        "│ FIFO   │     0.85 │ simple and predictable                                   │",
        "└────────┴──────────┴──────────────────────────────────────────────────────────┘",
      ])
  }

}
