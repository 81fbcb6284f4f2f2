/// A question's place in spaced review, scheduled the SM-2 way: right answers push the next review further
/// out by the card's ease; a miss brings it back at once and lowers the ease.
public struct ReviewCard: Codable, Sendable, Equatable {
  public static let startingEase = 2.5
  public static let minimumEase = 1.3
  static let day = 86_400.0

  public var ease = ReviewCard.startingEase
  public var intervalDays = 0.0
  /// Right answers in a row.
  public var streak = 0
  public var lapses = 0
  public var reviews = 0
  /// Seconds since 1970 when the card is due.
  public var due = 0.0
  public var lastCorrect = false

  public init() {}

  /// Whether review should ask the card at time now: it was missed last time, or it is due.
  public func isDue(at now: Double) -> Bool { !lastCorrect || due <= now }

  /// Schedules the card after an answer: right with no hint is quality 4, right after a hint 3, wrong 1.
  public mutating func record(correct: Bool, usedHint: Bool, at now: Double) {
    reviews += 1
    lastCorrect = correct
    guard correct else {
      streak = 0
      lapses += 1
      intervalDays = 0
      ease = max(Self.minimumEase, ease - 0.2)
      due = now
      return
    }
    streak += 1
    switch streak {
    case 1: intervalDays = 1
    case 2: intervalDays = 6
    default: intervalDays = (intervalDays * ease).rounded()
    }
    let quality = usedHint ? 3.0 : 4.0
    ease = max(Self.minimumEase, ease + 0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02))
    due = now + intervalDays * Self.day
  }
}
