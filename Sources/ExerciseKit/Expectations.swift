/// A failed expectation, in words a learner can act on: what was expected, what happened, and why it
/// matters for caching.
public struct CheckFailure: Error, Sendable, Equatable {
  public var expected: String
  public var got: String
  public var why: String
  /// The line of the checks file that failed, for authors; nil when the failure has no one line.
  public var line: Int?

  public init(expected: String, got: String, why: String, line: Int? = nil) {
    self.expected = expected
    self.got = got
    self.why = why
    self.line = line
  }

  /// The failure as one message: "expected ..., got .... why".
  public var message: String { "expected \(expected), got \(got). \(why)" }
}

/// A check that cannot run in this setting (a real server's clock cannot be moved); it is reported, not
/// failed.
public struct CheckSkipped: Error, Sendable {
  public var reason: String
}

/// Fails the check unless actual equals expected; why says what the difference means for caching.
public func expect<T: Equatable>(
  _ actual: T, equals expected: T, _ why: String, line: Int = #line
) throws(CheckFailure) {
  guard actual != expected else { return }
  throw CheckFailure(expected: describe(expected), got: describe(actual), why: why, line: line)
}

/// Fails the check unless condition holds; expected and got describe the two sides in words.
public func expect(
  _ condition: Bool, expected: String, got: @autoclosure () -> String, _ why: String, line: Int = #line
) throws(CheckFailure) {
  guard !condition else { return }
  throw CheckFailure(expected: expected, got: got(), why: why, line: line)
}

/// A value as the learner would write it: strings quoted, optionals without `Optional(...)`.
public func describe<T>(_ value: T) -> String {
  if let optional = value as? any OptionalProtocol { return optional.describedValue }
  if let text = value as? String { return "\"\(text)\"" }
  return String(describing: value)
}

/// Lets `describe` print nil and the wrapped value of any optional.
public protocol OptionalProtocol {
  var describedValue: String { get }
}

extension Optional: OptionalProtocol {
  public var describedValue: String {
    switch self {
    case .none: return "nil"
    case .some(let wrapped): return describe(wrapped)
    }
  }
}
