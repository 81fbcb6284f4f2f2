import Arguments
import Course

/// Picks the lesson a command is about: the one named, else the current one, else the first unfinished.
enum LessonChoice {
  static func pick(_ name: String?, content: CourseContent, progress: CourseProgress) -> CourseContent.Entry?
  {
    guard !content.lessons.isEmpty else {
      Output.error("the course has no lessons to show (looked in \(content.root)/Lessons)")
      return nil
    }
    if let name {
      if let entry = content.lesson(named: name) { return entry }
      let hint = Suggestions.didYouMean(name, among: content.lessonNames)
      Output.error("there is no lesson '\(name)'\(hint); `cachelings list` shows them all")
      return nil
    }
    if let current = progress.currentLesson, let entry = content.lesson(named: current),
      progress.lessons[current]?.completed != true
    {
      return entry
    }
    return content.lessons.first { progress.lessons[$0.lesson.id]?.completed != true } ?? content.lessons[0]
  }
}
