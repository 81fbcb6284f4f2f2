/// Reads through `read`, lets `seconds` pass on the check's clock, reads again, and fails unless the
/// database ran exactly one query since its counters were last reset: the copy the first read stored
/// must still be served, so a timeout shorter than the task's shows as a second query.
public func expectStillCached(
  after seconds: Double, _ context: CheckContext, _ why: String, line: Int = #line,
  read: () throws -> Void
) throws {
  try read()
  try context.advance(seconds: seconds)
  try read()
  try expectQueries(context, 1, why, line: line)
}
