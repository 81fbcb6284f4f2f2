/// Fails the check unless the check's database ran exactly `count` queries since its counters were last
/// reset: the count is how a check tells a hit (no query) from a miss (a query).
public func expectQueries(
  _ context: CheckContext, _ count: Int, _ why: String, line: Int = #line
) throws(CheckFailure) {
  let actual = context.database.queryCount
  try expect(actual == count, expected: queries(count), got: queries(actual), why, line: line)
}

/// A number of queries in words, for messages: "1 query", "3 queries".
private func queries(_ count: Int) -> String {
  count == 1 ? "1 query" : "\(count) queries"
}
