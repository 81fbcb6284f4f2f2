import Arguments
import Course

/// Picks the exercise a command is about: the one named, else the first not passed yet.
enum ExerciseChoice {
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
