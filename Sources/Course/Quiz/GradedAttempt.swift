/// A finished quiz: each answer, the score per difficulty and the verdict, as stored in progress and
/// printed by `--json`.
public struct GradedAttempt: Codable, Sendable, Equatable {
  /// The learner's answer to one question.
  public struct Answer: Codable, Sendable, Equatable {
    public var question: String
    public var difficulty: Difficulty
    /// The chosen options by their letter in the file (A is the first option written).
    public var chosen: [String]
    public var right: [String]
    public var isCorrect: Bool
    public var usedHint: Bool
  }

  /// Right answers out of asked, for one difficulty or for the whole attempt.
  public struct Score: Codable, Sendable, Equatable {
    public var correct: Int
    public var total: Int

    public var percent: Double { total == 0 ? 0 : Double(correct) * 100 / Double(total) }
  }

  /// The share of right answers needed to pass.
  public static let passMark = 80.0

  public var lesson: String
  public var seed: UInt64
  /// Seconds since 1970 when the attempt ended.
  public var finishedAt: Double
  public var answers: [Answer]
  public var score: Score
  public var byDifficulty: [String: Score]
  public var passed: Bool

  public init(lesson: String, seed: UInt64, finishedAt: Double, answers: [Answer]) {
    self.lesson = lesson
    self.seed = seed
    self.finishedAt = finishedAt
    self.answers = answers
    score = Score(correct: answers.filter(\.isCorrect).count, total: answers.count)
    var groups: [String: Score] = [:]
    for difficulty in Difficulty.allCases {
      let asked = answers.filter { $0.difficulty == difficulty }
      if !asked.isEmpty {
        groups[difficulty.rawValue] = Score(correct: asked.filter(\.isCorrect).count, total: asked.count)
      }
    }
    byDifficulty = groups
    passed = score.percent >= Self.passMark
  }

  /// Records one answer given as file indices.
  public static func answer(_ question: Question, chosen: [Int], usedHint: Bool) -> Answer {
    Answer(
      question: question.id, difficulty: question.difficulty, chosen: chosen.sorted().map(Letters.letter),
      right: question.correct.map(Letters.letter), isCorrect: Grading.isRight(chosen, for: question),
      usedHint: usedHint)
  }
}

/// Option letters: A for the first option, B for the second, ...
public enum Letters {
  public static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(65 + index)))
  }

  /// The index of a letter (either case), or nil.
  public static func index(_ letter: Character) -> Int? {
    guard let ascii = letter.uppercased().first?.asciiValue, ascii >= 65, ascii < 91 else { return nil }
    return Int(ascii) - 65
  }
}
