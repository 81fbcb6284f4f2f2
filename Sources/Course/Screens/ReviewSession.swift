import Terminal

/// Spaced review across all lessons: the questions missed last time and those due, or with cram every
/// question of the course; each answer reschedules its card.
public struct ReviewSession {
  /// A question to review, with where it comes from.
  public struct Item: Sendable {
    public var key: String
    public var lessonTitle: String
    public var question: Question
  }

  let content: CourseContent
  let console: Console

  public init(content: CourseContent, console: Console) {
    self.content = content
    self.console = console
  }

  /// The questions to ask: due or missed ones, most overdue first; every question when cram is set.
  public func items(progress: CourseProgress, now: Double, cram: Bool) -> [Item] {
    var items: [(Item, Double)] = []
    for entry in content.lessons {
      for question in entry.quiz?.questions ?? [] {
        let key = entry.lesson.id + "/" + question.id
        let item = Item(key: key, lessonTitle: entry.lesson.title, question: question)
        if let card = progress.cards[key] {
          if cram || card.isDue(at: now) { items.append((item, card.lastCorrect ? card.due : -1)) }
        } else if cram {
          items.append((item, .infinity))
        }
      }
    }
    return items.sorted { $0.1 < $1.1 }.map(\.0)
  }

  /// Asks the items, updating progress after each answer; returns right and asked counts, stopping
  /// early when the learner quits or input ends.
  public func run(
    _ items: [Item], progress: inout CourseProgress, now: () -> Double, seed: UInt64
  ) -> (right: Int, asked: Int) {
    let asker = QuestionAsker(console: console)
    var right = 0
    var asked = 0
    for (index, item) in items.enumerated() {
      let quiz = Quiz(lessonID: "", questions: [item.question])
      let shown = QuizAttempt(quiz: quiz, seed: seed &+ UInt64(index)).questions[0]
      let title = "Review \(index + 1) of \(items.count): \(item.lessonTitle)"
      guard case .answered(let chosen, let usedHint) = asker.ask(shown, title: title) else { break }
      let correct = Grading.isRight(chosen, for: item.question)
      progress.cards[item.key, default: ReviewCard()].record(correct: correct, usedHint: usedHint, at: now())
      if usedHint { progress.hints[item.key, default: 0] += 1 }
      asked += 1
      if correct { right += 1 }
      asker.feedback(shown, chosen: chosen)
      asker.pause(last: index == items.count - 1)
    }
    return (right, asked)
  }

  /// When each of the first asked items comes back: "back tomorrow", "back in 6 days", or at the next
  /// review after a miss; one line per question, its text as the learner read it.
  public func schedule(_ items: [Item], asked: Int, progress: CourseProgress, now: Double) -> [String] {
    guard asked > 0 else { return [] }
    let symbols = Symbols(console.theme)
    var lines = [console.paint("When they come back", .bold)]
    for item in items.prefix(asked) {
      guard let card = progress.cards[item.key] else { continue }
      let days = Int(((card.due - now) / 86_400).rounded())
      let when: String
      switch days {
      case _ where !card.lastCorrect: when = "at your next review (missed)"
      case ...0: when = "today"
      case 1: when = "tomorrow"
      default: when = "in \(days) days"
      }
      lines += wrap(
        "\(symbols.bullet) " + console.paint("back \(when): ", .dim)
          + console.inline(ScoreView.firstParagraph(item.question)),
        width: console.width, indent: "  ")
    }
    return lines
  }
}
