import Foundation

/// The bar `cachelings dev check` holds every lesson, quiz and exercise to, beyond well-formed files: see
/// Lessons/README.md. Each problem names file and line.
public enum ContentStandard {
  public static func review(_ content: CourseContent) -> [ContentError] {
    var errors: [ContentError] = []
    if content.topics == nil {
      errors.append(
        ContentError(
          file: content.topicsFile, line: 0,
          message: "the course needs its topic vocabulary here: one '- slug: what it covers' line a topic"))
    }
    let topics = content.topics.map { Set($0.map(\.slug)) }
    var questionIDs: [String: (file: String, line: Int)] = [:]
    for entry in content.lessons {
      errors += LessonStandard.review(entry, topics: topics)
      guard let quiz = entry.quiz else { continue }
      errors += QuizStandard.review(quiz, file: entry.quizFile, topics: topics)
      for question in quiz.questions {
        if let earlier = questionIDs[question.id] {
          errors.append(
            ContentError(
              file: entry.quizFile, line: question.line,
              message: "the question id '\(question.id)' is also used at \(earlier.file):\(earlier.line); "
                + "ids are unique in the course"))
        } else {
          questionIDs[question.id] = (entry.quizFile, question.line)
        }
      }
    }
    for exercise in content.exercises {
      for topic in exercise.topics {
        if let message = TopicCheck.unknown(topic.slug, in: topics) {
          errors.append(
            ContentError(file: exercise.folder + "/exercise.md", line: topic.line, message: message))
        }
      }
    }
    errors += readmeCoverage(content)
    return errors
  }

  /// Lessons/README.md must show the coverage table as the course has it now.
  private static func readmeCoverage(_ content: CourseContent) -> [ContentError] {
    let file = content.root + "/Lessons/README.md"
    guard content.topics != nil, let data = FileManager.default.contents(atPath: file) else { return [] }
    let readme = String(decoding: data, as: UTF8.self)
    guard let updated = Coverage(content).updating(readme: readme) else {
      return [
        ContentError(
          file: file, line: 0,
          message:
            "the coverage table's markers are missing; add the lines \(Coverage.begin) and \(Coverage.end)")
      ]
    }
    guard updated != readme else { return [] }
    let before = readme.range(of: Coverage.begin).map { readme[..<$0.lowerBound] } ?? ""
    let line = before.utf8.filter { $0 == UInt8(ascii: "\n") }.count + 1
    return [
      ContentError(
        file: file, line: line,
        message: "the coverage table is out of date; run `cachelings dev coverage --write` to regenerate it")
    ]
  }
}
