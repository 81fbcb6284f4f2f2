import Arguments
import Course
import Foundation

/// `cachelings solution EXERCISE`: the reference solution after a pass; before one, only with --force and
/// after a question, because working it out is the point.
enum SolutionCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    guard let loaded = ExerciseChoice.load(arguments) else { return 2 }
    let setup = loaded.setup
    var progress = loaded.progress
    let exercise = loaded.exercise
    let state = progress.exercises[exercise.id] ?? CourseProgress.ExerciseState()
    if !state.passed {
      guard arguments.flag("force") else {
        Output.error(
          "exercise \(exercise.number) is not passed yet, so its solution stays hidden. Try "
            + "`\(CourseSetup.program) hint \(exercise.number)`; to see it anyway, add --force.")
        return 1
      }
      let question =
        "Reading the solution before solving it teaches much less than the last hint does. Show it anyway?"
      guard setup.confirm(question) else {
        let console = setup.printer()
        console.print(
          console.markdown(
            "Kept hidden. `\(CourseSetup.program) hint \(exercise.number)` gives the next hint."))
        return 0
      }
    }
    guard let solution = try? String(contentsOfFile: exercise.solutionPath, encoding: .utf8) else {
      Output.error("could not read \(exercise.solutionPath)")
      return 1
    }
    progress = setup.update(progress) {
      $0.exercises[exercise.id, default: CourseProgress.ExerciseState()].solutionViewed = true
    }
    let console = setup.printer()
    console.print(
      console.paint("Reference solution of exercise \(exercise.number), \(exercise.title)", .bold))
    console.print()
    console.print(console.markdown("```swift\n" + solution + "```"))
    return 0
  }
}
