/// The Checks module of a graded program: each of the exercise's checks files behind a preamble, and the
/// entry point. The preamble imports from the learner's module only the declarations the exercise asks for
/// (so no other declaration of the learner's, an operator overload included, can reach the checks),
/// then every ExerciseKit and GradeProtocol declaration by name: a declaration imported by name wins
/// over one of the same name from a whole module, so a learner's own `expect`, `Check` or
/// `ExerciseRunner` (written on purpose or by accident) cannot stand in for them.
enum CheckModule {
  /// The public top-level declarations of the modules checks use, by module; a test keeps it complete.
  static let declarations: [(module: String, declarations: [String])] = [
    (
      "ExerciseKit",
      [
        "struct Check", "class CheckContext", "struct CheckFailure", "struct CheckSkipped", "func expect",
        "func expectQueries", "func expectStored", "func describe", "protocol OptionalProtocol",
        "enum ExerciseRunner", "struct User", "struct Post", "struct Product", "class SlowDatabase",
        "class CacheWithReaderAfterDeletes", "struct SeededGenerator", "protocol ForwardingCache",
        "func expectStillCached", "protocol CallWrappingCache",
      ]
    ),
    (
      "GradeProtocol",
      [
        "enum Backend", "struct UnknownBackend", "struct GradeRecord", "struct CheckDetails",
        "enum GradeEnvironment",
        "enum TokenPipe",
      ]
    ),
  ]

  /// The imports: solution's declarations (`func topPosts`) from the learner's module, internal ones
  /// included, then the course's.
  static func preamble(solution: [String]) -> String {
    func scoped(_ declaration: String, from module: String) -> String {
      let parts = declaration.split(separator: " ")
      return "import \(parts[0]) \(module).\(parts[1])\n"
    }
    return solution.map { "@testable " + scoped($0, from: "Solution") }.joined()
      + declarations.flatMap { module, declarations in declarations.map { scoped($0, from: module) } }
      .joined()
  }

  /// The entry point, in the Checks module: it sees the checks' `exerciseChecks`, never the learner's.
  static let entryPoint = "import enum ExerciseKit.ExerciseRunner\n\nExerciseRunner.main(exerciseChecks)\n"

  /// A checks file behind the preamble, its lines and path kept for the compiler's messages and for the
  /// line an expectation reports.
  static func source(checks: [UInt8], path: String, solution: [String]) -> String {
    preamble(solution: solution)
      + SourceLocation.placed(String(decoding: checks, as: UTF8.self), file: path, line: 1)
  }
}
