/// The Checks module of a graded program: the exercise's checks.swift behind a preamble, and the entry
/// point. The preamble imports the learner's module and then every ExerciseKit declaration by name: a
/// declaration imported by name wins over one of the same name from a whole module, so a learner's own
/// `expect`, `Check` or `ExerciseRunner` (written on purpose or by accident) cannot stand in for them.
enum CheckModule {
  /// ExerciseKit's public top-level declarations; a test keeps this list complete.
  static let exerciseKitDeclarations = [
    "enum Backend", "struct Check", "class CheckContext", "struct CheckFailure", "struct CheckSkipped",
    "func expect", "func describe", "protocol OptionalProtocol", "struct GradeRecord",
    "enum GradeEnvironment",
    "enum ExerciseRunner", "struct User", "struct Post", "struct Product", "class SlowDatabase",
  ]

  static let preamble: String =
    "@testable import Solution\n"
    + exerciseKitDeclarations.map { declaration in
      let parts = declaration.split(separator: " ")
      return "import \(parts[0]) ExerciseKit.\(parts[1])\n"
    }.joined()

  /// The entry point, in the Checks module: it sees the checks' `exerciseChecks`, never the learner's.
  static let entryPoint = "import enum ExerciseKit.ExerciseRunner\n\nExerciseRunner.main(exerciseChecks)\n"

  /// checks.swift behind the preamble, its lines and path kept for the compiler's messages and for the
  /// line an expectation reports.
  static func source(checks: [UInt8], path: String) -> String {
    let quoted = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
      of: "\"", with: "\\\"")
    return preamble + "#sourceLocation(file: \"\(quoted)\", line: 1)\n"
      + String(decoding: checks, as: UTF8.self)
      + "\n#sourceLocation()\n"
  }
}
