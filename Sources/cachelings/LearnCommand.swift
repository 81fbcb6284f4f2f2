import Arguments
import Course

/// `cachelings learn [LESSON]`.
enum LearnCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    guard let loaded = LessonChoice.load(arguments) else { return 2 }
    let setup = loaded.setup
    let entry = loaded.entry
    var progress = loaded.progress
    guard setup.isInteractive else {
      LearnSession(lesson: entry.lesson, console: setup.printer()).printWhole()
      return 0
    }
    progress.currentLesson = entry.lesson.id
    var state = progress.lessons[entry.lesson.id] ?? CourseProgress.LessonState()
    if state.completed { state.page = 0 }
    let exercise = loaded.content.exercises.first { $0.lesson == entry.lesson.id }
    let outcome = setup.withConsole { console in
      LearnSession(lesson: entry.lesson, console: console, hasExercise: exercise != nil).run(state: &state)
    }
    progress.lessons[entry.lesson.id] = state
    setup.save(progress)
    switch outcome {
    case .quiz:
      return QuizCommand.take(entry, setup: setup, progress: &progress, seed: nil, json: false)
    case .exercise:
      guard let exercise else { return 0 }
      let console = setup.printer()
      console.print()
      ExerciseSteps(setup: setup).showTask(exercise)
      let file = ExerciseWorkspace(folder: setup.workspace).file(for: exercise)
      console.print(
        console.markdown(
          "Start with `\(CourseSetup.program) watch \(exercise.number)`: it copies the starter to "
            + "`\(setup.display(file))` and grades it on every save."))
    case .finished:
      var next = "Test yourself: `\(CourseSetup.program) quiz \(entry.lesson.number)`"
      if let exercise { next += ", then practise: `\(CourseSetup.program) watch \(exercise.number)`" }
      let console = setup.printer()
      console.print()
      console.print(console.markdown("Lesson \(entry.lesson.number) done. \(next)."))
    case .quit:
      let console = setup.printer()
      console.print()
      console.print(
        console.markdown(
          "Your place is kept. `\(CourseSetup.program) learn \(entry.lesson.number)` continues from screen "
            + "\(state.page + 1)."))
    }
    return 0
  }
}
