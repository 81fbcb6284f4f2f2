/// A quiz left before its end: the attempt's seed, so the same questions come back with their options in
/// the same order, and the answers given so far, so it resumes at the first question not answered.
public struct OpenQuiz: Codable, Sendable, Equatable {
  public var seed: UInt64
  public var answers: [GradedAttempt.Answer]
  /// Seconds since 1970 when the quiz was left.
  public var leftAt: Double

  public init(seed: UInt64, answers: [GradedAttempt.Answer], leftAt: Double) {
    self.seed = seed
    self.answers = answers
    self.leftAt = leftAt
  }
}
