import Arguments
import Course

/// The lesson a command is about, with the course it was chosen from.
typealias LessonChoice = CourseChoice<CourseContent.Entry>

extension LessonChoice {
  /// The lesson the first argument names, else the current one, else the first unfinished; nil, after
  /// saying why, when there is none.
  static func load(_ arguments: ParsedArguments) -> LessonChoice? {
    load(arguments, choosing: CourseContent.chooseLesson)
  }

  var entry: CourseContent.Entry { item }
}
