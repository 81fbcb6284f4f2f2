import Arguments
import Course

/// `cachelings hint [EXERCISE]`: the next hint each time, recorded; after the last, all of them again.
enum HintCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    guard let loaded = ExerciseChoice.load(arguments) else { return 2 }
    let setup = loaded.setup
    var progress = loaded.progress
    let exercise = loaded.exercise
    show(exercise, setup: setup, progress: &progress)
    return 0
  }

  static func show(_ exercise: Exercise, setup: CourseSetup, progress: inout CourseProgress) {
    let console = setup.printer()
    var state = progress.exercises[exercise.id] ?? CourseProgress.ExerciseState()
    let total = exercise.hints.count
    if state.hintsTaken >= total {
      console.print(console.paint("All \(total) hints of exercise \(exercise.number), once more:", .bold))
      for (index, hint) in exercise.hints.enumerated() {
        console.print()
        console.print(console.paint("Hint \(index + 1)", .cyan))
        console.print(console.markdown(hint))
      }
      return
    }
    state.hintsTaken += 1
    let taken = state.hintsTaken
    progress = setup.update(progress) { latest in
      var current = latest.exercises[exercise.id] ?? CourseProgress.ExerciseState()
      current.hintsTaken = max(current.hintsTaken, taken)
      latest.exercises[exercise.id] = current
    }
    console.print(
      console.paint("Hint \(state.hintsTaken) of \(total)", [.bold, .cyan])
        + console.paint(" for exercise \(exercise.number), \(exercise.title)", .dim))
    console.print()
    console.print(console.markdown(exercise.hints[state.hintsTaken - 1]))
    if state.hintsTaken < total {
      console.print()
      console.print(
        console.paint(
          "Run `\(CourseSetup.program) hint \(exercise.number)` again for the next one; each is more direct.",
          .dim))
    }
  }
}
