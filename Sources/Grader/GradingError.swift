/// Why grading could not happen at all (as opposed to a verdict about the learner's code).
public enum GradingError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No Swift compiler could be found, or the course's own build is missing its exercise runtime.
  case noToolchain(String)
  case cannotRun(String)

  public var description: String {
    switch self {
    case .noToolchain(let message), .cannotRun(let message): return message
    }
  }
}
