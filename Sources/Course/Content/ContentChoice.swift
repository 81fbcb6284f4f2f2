import Primitives

/// Why a command found no lesson or exercise to work on: the course has none, or none has the name the
/// learner typed. The description is the sentence for the learner.
public struct ContentChoiceError: Error, Sendable, Equatable, CustomStringConvertible {
  public var description: String
}

extension CourseContent {
  /// The lesson a command is about: the one named by number, id or folder; without a name, the current
  /// lesson while it is unfinished, else the first unfinished, else the first.
  public func chooseLesson(_ name: String?, progress: CourseProgress) -> Result<Entry, ContentChoiceError> {
    choose(
      name, among: lessons, kind: "lesson", none: "lessons to show", folder: "Lessons", named: lesson(named:),
      names: lessonNames
    ) {
      if let current = progress.currentLesson, let entry = lesson(named: current),
        progress.lessons[current]?.completed != true
      {
        return entry
      }
      return lessons.first { progress.lessons[$0.lesson.id]?.completed != true } ?? lessons[0]
    }
  }

  /// The exercise a command is about: the one named by number, id or folder; without a name, the first
  /// not passed yet, else the first.
  public func chooseExercise(
    _ name: String?, progress: CourseProgress
  ) -> Result<Exercise, ContentChoiceError> {
    choose(
      name, among: exercises, kind: "exercise", none: "exercises", folder: "Exercises",
      named: exercise(named:), names: exerciseNames
    ) {
      exercises.first { progress.exercises[$0.id]?.passed != true } ?? exercises[0]
    }
  }

  /// The item named, or the unnamed choice when no name is given; an error when the course has no
  /// items, or none has the name (with the closest names to suggest).
  private func choose<Item>(
    _ name: String?, among items: [Item], kind: String, none: String, folder: String,
    named: (String) -> Item?, names: @autoclosure () -> [String], unnamed: () -> Item
  ) -> Result<Item, ContentChoiceError> {
    guard !items.isEmpty else {
      return .failure(
        ContentChoiceError(description: "the course has no \(none) (looked in \(root)/\(folder))"))
    }
    guard let name else { return .success(unnamed()) }
    if let item = named(name) { return .success(item) }
    let hint = Suggestions.didYouMean(name, among: names())
    return .failure(
      ContentChoiceError(
        description: "there is no \(kind) '\(name)'\(hint); `cachelings list` shows them all"))
  }
}
