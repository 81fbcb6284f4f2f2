import Arguments
import Course
import Foundation
import Grader

/// `cachelings check [EXERCISE]`: grades the learner's file on every backend and records a pass.
enum CheckCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    guard let loaded = ExerciseChoice.load(arguments) else { return 2 }
    let steps = ExerciseSteps(setup: loaded.setup)
    var progress = loaded.progress
    let exercise = loaded.exercise
    if arguments.flag("task") {
      steps.showTask(exercise)
      return 0
    }
    let grading: GradingSetup
    do {
      grading = try GradingSetup.make(arguments, setup: loaded.setup)
    } catch {
      return error.code
    }
    let json = arguments.flag("json")
    guard let file = steps.prepare(exercise, workspace: grading.workspace, quiet: json),
      let report = steps.grade(exercise, file: file, grading: grading, progress: &progress)
    else {
      return 1
    }
    if json {
      Output.write(ResultsJSON.encode(report) + "\n")
    } else {
      steps.show(report, exercise: exercise, file: file, content: loaded.content, progress: progress)
    }
    return report.passed ? 0 : 1
  }
}
