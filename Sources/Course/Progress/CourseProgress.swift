import Foundation
import Grader

/// Everything the course remembers about a learner, stored as one JSON file.
public struct CourseProgress: Codable, Sendable, Equatable {
  /// The version of this layout; a file with a newer one was written by a newer cachelings.
  public static let currentSchema = 1

  /// How far the learner got in one lesson.
  public struct LessonState: Codable, Sendable, Equatable {
    /// The screen to open at next time (0-based).
    public var page = 0
    public var pages = 0
    public var completed = false
    /// Predict and myth blocks answered, by "page.part", and whether the answer was right.
    public var answers: [String: Bool] = [:]

    public init() {}
  }

  public var schema = CourseProgress.currentSchema
  /// The lesson the learner last opened.
  public var currentLesson: String?
  public var lessons: [String: LessonState] = [:]
  /// Finished quiz attempts per lesson id, oldest first.
  public var attempts: [String: [GradedAttempt]] = [:]
  /// Spaced-review state per question, keyed `lesson/question`.
  public var cards: [String: ReviewCard] = [:]
  /// Hints taken per question key, counted.
  public var hints: [String: Int] = [:]
  /// Exercise state by exercise id.
  public var exercises: [String: ExerciseState] = [:]
  /// Quizzes left before their end, by lesson id, to resume where they were left.
  public var openQuizzes: [String: OpenQuiz] = [:]

  /// How far the learner got in one exercise.
  public struct ExerciseState: Codable, Sendable, Equatable {
    public var checks = 0
    /// When the learner's solution first passed on every backend it was graded on.
    public var passedAt: Date?
    /// How many hints were given out; the next `hint` shows the one after.
    public var hintsTaken = 0
    public var solutionViewed = false

    public var passed: Bool { passedAt != nil }

    public init() {}
  }

  public init() {}

  // Files written before a field existed still load: every field but the schema is optional on disk.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schema = try container.decode(Int.self, forKey: .schema)
    currentLesson = try container.decodeIfPresent(String.self, forKey: .currentLesson)
    lessons = try container.decodeIfPresent([String: LessonState].self, forKey: .lessons) ?? [:]
    attempts = try container.decodeIfPresent([String: [GradedAttempt]].self, forKey: .attempts) ?? [:]
    cards = try container.decodeIfPresent([String: ReviewCard].self, forKey: .cards) ?? [:]
    hints = try container.decodeIfPresent([String: Int].self, forKey: .hints) ?? [:]
    exercises = try container.decodeIfPresent([String: ExerciseState].self, forKey: .exercises) ?? [:]
    // Only a convenience: an unreadable entry costs the place in a quiz, never the rest of the progress.
    openQuizzes = (try? container.decodeIfPresent([String: OpenQuiz].self, forKey: .openQuizzes)) ?? [:]
  }

  /// The best attempt of a lesson's quiz, if any.
  public func bestAttempt(_ lesson: String) -> GradedAttempt? {
    attempts[lesson]?.max { $0.score.percent < $1.score.percent }
  }

  /// Counts a graded check of `exercise`; the first one that completes it marks it passed.
  public mutating func record(_ report: GradeReport, of exercise: Exercise, at date: Date = Date()) {
    var state = exercises[exercise.id] ?? ExerciseState()
    state.checks += 1
    if report.completes(exercise) && state.passedAt == nil { state.passedAt = date }
    exercises[exercise.id] = state
  }

  /// Stores a finished attempt and schedules each of its questions for review.
  public mutating func record(_ attempt: GradedAttempt) {
    attempts[attempt.lesson, default: []].append(attempt)
    for answer in attempt.answers {
      let key = attempt.lesson + "/" + answer.question
      cards[key, default: ReviewCard()].record(
        correct: answer.isCorrect, usedHint: answer.usedHint, at: attempt.finishedAt)
      if answer.usedHint { hints[key, default: 0] += 1 }
    }
  }
}
