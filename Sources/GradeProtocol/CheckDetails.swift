/// What a check on one backend said about its outcome, carried from the graded program's record into the
/// grader's report: for a failure, the whole message and its expected, got and why, with the line of the
/// checks file; for a skip, the reason; for a worker, what it returned.
public struct CheckDetails: Codable, Sendable, Equatable {
  /// For failed: the whole message; for skipped: the reason; for worker: what the worker returned.
  public var message: String?
  /// For failed: what the check expected, in words.
  public var expected: String?
  /// For failed: what happened instead.
  public var got: String?
  /// For failed: why it matters for caching, written for the learner.
  public var why: String?
  /// For failed: the line of the checks file whose expectation failed.
  public var line: Int?

  public init(
    message: String? = nil, expected: String? = nil, got: String? = nil, why: String? = nil, line: Int? = nil
  ) {
    self.message = message
    self.expected = expected
    self.got = got
    self.why = why
    self.line = line
  }

  /// The same details with every text passed through transform (the line is kept).
  public func mapText(_ transform: (String) -> String) -> CheckDetails {
    CheckDetails(
      message: message.map(transform), expected: expected.map(transform), got: got.map(transform),
      why: why.map(transform), line: line)
  }
}
