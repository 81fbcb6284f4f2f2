/// The graded questions of one lesson.
public struct Quiz: Sendable, Equatable {
  /// The id of the lesson the quiz belongs to.
  public var lessonID: String
  public var questions: [Question]
}

/// How hard a question is meant to be; scores are reported per difficulty.
public enum Difficulty: String, Sendable, Codable, CaseIterable, Comparable {
  case easy, medium, hard

  public static func < (a: Difficulty, b: Difficulty) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// A multiple-choice question with its worked solution.
public struct Question: Sendable, Equatable {
  /// Unique within its quiz; review knows it as `lesson/id`.
  public var id: String
  public var difficulty: Difficulty
  /// Markdown, possibly with code.
  public var prompt: String
  /// The options as written in the file; A is the first.
  public var options: [String]
  /// The indices of the right options, ascending; more than one makes a multiple-answer question.
  public var correct: [Int]
  public var hint: String
  public var steps: String
  public var mistakes: String
  public var line: Int
  /// The slug from Lessons/topics.md the question tests, if it names one.
  public var topic: String?
  /// Why the right option may be the longest one; set, the question is left out of the length lint.
  public var allowLongest: String?

  /// Whether the learner must pick several options.
  public var isMultipleAnswer: Bool { correct.count > 1 }
}
