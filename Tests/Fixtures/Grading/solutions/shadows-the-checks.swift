import CacheKit
import ExerciseKit

// A wrong solution that declares the names the checks and the entry point use, as a forger would (or a
// learner with a helper called `expect`): a pass would mean these stood in for ExerciseKit's.
func remember(_ value: Int, cache: any Cache) throws -> Int? {
  nil
}

func expect<T: Equatable>(_ actual: T, equals expected: T, _ why: String, line: Int = #line) throws {}

func expect(
  _ condition: Bool, expected: String, got: @autoclosure () -> String, _ why: String, line: Int = #line
)
  throws
{}

let exerciseChecks: [Check] = []

enum ExerciseRunner {
  static func main(_ checks: [Check]) -> Never {
    fatalError("the learner's entry point ran")
  }
}
