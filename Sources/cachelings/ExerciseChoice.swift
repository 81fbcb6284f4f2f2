import Arguments
import Course

/// Picks the exercise a command is about: the one named, else the first not passed yet.
enum ExerciseChoice {
  /// What every exercise command starts from.
  struct Loaded {
    let setup: CourseSetup
    let content: CourseContent
    var progress: CourseProgress
    let exercise: Exercise
  }

  /// Sets up the course, loads content and progress, and picks the exercise named by the first
  /// argument; nil (after saying why) when there is none to pick.
  static func load(_ arguments: ParsedArguments) -> Loaded? {
    let setup = CourseSetup(noColor: arguments.flag("no-color"))
    let content = setup.loadContent()
    let progress = setup.loadProgress()
    guard let exercise = pick(arguments.positionals.first, content: content, progress: progress) else {
      return nil
    }
    return Loaded(setup: setup, content: content, progress: progress, exercise: exercise)
  }

  static func pick(_ name: String?, content: CourseContent, progress: CourseProgress) -> Exercise? {
    guard !content.exercises.isEmpty else {
      Output.error("the course has no exercises (looked in \(content.root)/Exercises)")
      return nil
    }
    if let name {
      if let exercise = content.exercise(named: name) { return exercise }
      let hint = Suggestions.didYouMean(name, among: content.exerciseNames)
      Output.error("there is no exercise '\(name)'\(hint); `cachelings list` shows them all")
      return nil
    }
    return content.exercises.first { progress.exercises[$0.id]?.passed != true } ?? content.exercises[0]
  }
}
