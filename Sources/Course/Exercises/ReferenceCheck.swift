import Grader

/// What `dev check` requires of an exercise beyond well-formed files: the reference solution passes every
/// check on every backend it is graded on, and the starter compiles and fails, so a learner who changes
/// nothing never passes.
public enum ReferenceCheck {
  public struct Finding: Sendable, Equatable {
    public var file: String
    public var problem: String?
    public var summary: String

    public init(file: String, problem: String?, summary: String) {
      self.file = file
      self.problem = problem
      self.summary = summary
    }
  }

  /// Judges the reports of the solution and the starter.
  public static func solution(_ report: GradeReport, exercise: Exercise) -> Finding {
    let passed = report.cells.filter { $0.status == .passed }.count
    let summary = "\(passed) of \(report.cells.count) checks pass"
    var problem: String?
    switch report.verdict {
    case .passed:
      if let cell = report.cells.first(where: { $0.status != .passed }) {
        problem =
          "\"\(cell.check)\" on \(cell.backend.rawValue) was \(cell.status.rawValue): \(cell.details.message ?? "")"
      }
      let missing = exercise.backends.filter { !report.backends.contains($0) }
      if problem == nil && !missing.isEmpty {
        problem = "no check ran on \(missing.map(\.rawValue).joined(separator: ", "))"
      }
    case .failed:
      let cell = report.failures[0]
      let place = cell.details.line.map { " (\(exercise.checksPath):\($0))" } ?? ""
      problem = "fails \"\(cell.check)\" on \(cell.backend.rawValue)\(place): \(cell.details.message ?? "")"
    case .compileError(let diagnostics):
      problem = "does not compile:\n" + diagnostics
    default:
      problem = report.headline
    }
    return Finding(file: exercise.solutionPath, problem: problem, summary: summary)
  }

  public static func starter(_ report: GradeReport, exercise: Exercise) -> Finding {
    let failed = report.failures.count
    let summary = "\(failed) of \(report.cells.count) checks fail"
    var problem: String?
    switch report.verdict {
    case .failed:
      let untouched = exercise.backends.filter { backend in
        !report.failures.contains { $0.backend == backend }
      }
      if !untouched.isEmpty {
        problem =
          "passes every check on \(untouched.map(\.rawValue).joined(separator: ", ")); it must fail on each"
      }
    case .passed:
      problem = "passes every check; a starter must fail until the learner does the work"
    case .compileError(let diagnostics):
      problem = "does not compile, and a learner's first check should show failing checks:\n" + diagnostics
    default:
      problem = report.headline
    }
    return Finding(file: exercise.starterPath, problem: problem, summary: summary)
  }
}
