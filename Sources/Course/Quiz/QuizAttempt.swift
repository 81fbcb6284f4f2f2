import Primitives

/// One sitting of a quiz: every question with its options in this attempt's shuffled order.
public struct QuizAttempt: Sendable {
  /// A question as shown: `order[i]` is the index, in the file, of the option shown at position i.
  public struct Shown: Sendable, Equatable {
    public var question: Question
    public var order: [Int]

    /// The options in the order shown.
    public var options: [String] { order.map { question.options[$0] } }

    /// The file indices of the options shown at the given positions.
    public func fileIndices(ofShown positions: [Int]) -> [Int] { positions.map { order[$0] }.sorted() }

    /// The positions at which the right options are shown, ascending.
    public var rightPositions: [Int] { question.correct.map { order.firstIndex(of: $0)! }.sorted() }
  }

  public let lessonID: String
  public let seed: UInt64
  public let questions: [Shown]

  /// Shuffles each question's options with a generator seeded by seed, so a seed repeats an attempt.
  public init(quiz: Quiz, seed: UInt64) {
    var random = SplitMix64(seed: seed)
    lessonID = quiz.lessonID
    self.seed = seed
    questions = quiz.questions.map { question in
      Shown(question: question, order: Array(question.options.indices).shuffled(using: &random))
    }
  }
}

/// Whether an answer is right: exactly the marked options, no more and no fewer.
public enum Grading {
  public static func isRight(_ chosen: [Int], for question: Question) -> Bool {
    Set(chosen) == Set(question.correct)
  }
}
