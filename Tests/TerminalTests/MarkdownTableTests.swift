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
    expectRendered(
      markdown, widths: [40, 80],
      styled: [
        "┌────────┬──────────┬──────────────┐",
        "│ \(sgr("1", "Policy")) │ \(sgr("1", "Hit rate")) │    \(sgr("1", "Notes"))     │",
        "├────────┼──────────┼──────────────┤",
        "│ LRU    │     0.91 │ good default │",
        "│ FIFO   │     0.85 │    simple    │",
        "└────────┴──────────┴──────────────┘",
      ])
    expectRendered(
      markdown, widths: [40], themes: [ascii],
      lines: [
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
    expectRendered(
      markdown, widths: [40],
      styled: [
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
    expectRendered(
      markdown, widths: [80],
      styled: [
        "┌────────┬──────────┬──────────────────────────────────────────────────────────┐",
        "│ \(sgr("1", "Policy")) │ \(sgr("1", "Hit rate")) │ \(sgr("1", "Notes"))                                                    │",
        "├────────┼──────────┼──────────────────────────────────────────────────────────┤",
        "│ LRU    │     0.91 │ a good default for most workloads that have some recency │",
        "│ FIFO   │     0.85 │ simple and predictable                                   │",
        "└────────┴──────────┴──────────────────────────────────────────────────────────┘",
      ])
  }

}
