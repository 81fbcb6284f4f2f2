import Arguments
import Course

/// The exercise a command is about, with the course it was chosen from.
typealias ExerciseChoice = CourseChoice<Exercise>

extension ExerciseChoice {
  /// The exercise the first argument names, else the first not passed yet; nil, after saying why, when
  /// there is none.
  static func load(_ arguments: ParsedArguments) -> ExerciseChoice? {
    load(arguments, choosing: CourseContent.chooseExercise)
  }

  var exercise: Exercise { item }
}
