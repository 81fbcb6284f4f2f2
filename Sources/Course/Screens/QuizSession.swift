import Foundation
import Terminal

/// Taking a quiz: each question in turn, feedback after each, the score by difficulty at the end.
public struct QuizSession {
  let attempt: QuizAttempt
  let lessonTitle: String
  let console: Console
  let now: () -> Double

  public init(attempt: QuizAttempt, lessonTitle: String, console: Console, now: @escaping () -> Double) {
    self.attempt = attempt
    self.lessonTitle = lessonTitle
    self.console = console
    self.now = now
  }

  /// How a sitting ended.
  public enum Outcome: Equatable, Sendable {
    /// Every question answered: the graded attempt.
    case finished(GradedAttempt)
    /// The learner left (or input ended) with these questions answered, in the quiz's order.
    case left([GradedAttempt.Answer])

    /// The graded attempt when every question was answered.
    public var graded: GradedAttempt? {
      if case .finished(let attempt) = self { return attempt }
      return nil
    }
  }

  /// Asks every question not in answered (the answers of a sitting left before, of this attempt's seed).
  public func run(answered: [GradedAttempt.Answer] = []) -> Outcome {
    let asker = QuestionAsker(console: console)
    let ids = Set(attempt.questions.map(\.question.id))
    var answers = answered.filter { ids.contains($0.question) }
    for (index, shown) in attempt.questions.enumerated()
    where !answers.contains(where: { $0.question == shown.question.id }) {
      let title = "Quiz: \(lessonTitle), question \(index + 1) of \(attempt.questions.count)"
      guard case .answered(let chosen, let usedHint) = asker.ask(shown, title: title) else {
        return .left(answers)
      }
      answers.append(GradedAttempt.answer(shown.question, chosen: chosen, usedHint: usedHint))
      asker.feedback(shown, chosen: chosen)
      asker.pause(last: answers.count == attempt.questions.count)
    }
    let order = attempt.questions.map(\.question.id)
    answers.sort { (order.firstIndex(of: $0.question) ?? 0) < (order.firstIndex(of: $1.question) ?? 0) }
    return .finished(
      GradedAttempt(lesson: attempt.lessonID, seed: attempt.seed, finishedAt: now(), answers: answers))
  }

  /// Grades answers given up front (`--answers`), without asking.
  public func grade(_ chosen: [[Int]]) -> GradedAttempt {
    let answers = zip(attempt.questions, chosen).map { shown, chosen in
      GradedAttempt.answer(shown.question, chosen: chosen, usedHint: false)
    }
    return GradedAttempt(lesson: attempt.lessonID, seed: attempt.seed, finishedAt: now(), answers: answers)
  }
}

/// The score of an attempt as the learner reads it: by difficulty, overall, and the verdict.
public struct ScoreView {
  let console: Console

  public init(console: Console) {
    self.console = console
  }

  /// Shows the score on a screen of its own, a terminal-full at a time ("space or enter more" between
  /// screens, "Your score" atop each) so a long list of missed questions does not scroll away unread;
  /// printed straight through when the console reads no keys.
  public func show(_ attempt: GradedAttempt, quiz: Quiz) {
    let lines = lines(attempt, quiz: quiz)
    let pager = ScreenPager(console: console)
    pager.start(Array(lines.prefix(1)))
    _ = pager.show(Array(lines.dropFirst()), keepTogether: false)
  }

  public func lines(_ attempt: GradedAttempt, quiz: Quiz) -> [String] {
    let symbols = Symbols(console.theme)
    var lines = [console.paint("Your score", .bold)]
    let rows = Difficulty.allCases.compactMap { difficulty -> (String, Double)? in
      guard let score = attempt.byDifficulty[difficulty.rawValue] else { return nil }
      return ("\(difficulty.rawValue) \(score.correct)/\(score.total)", score.percent)
    }
    lines += Chart.bars(rows, width: min(console.width, 60), theme: console.theme) {
      BlockView.number($0) + "%"
    }
    let total =
      "\(attempt.score.correct) of \(attempt.score.total) right (\(BlockView.number(attempt.score.percent))%)"
    lines.append("")
    if attempt.passed {
      lines += wrap(
        console.paint("\(symbols.right) Passed: \(total).", [.green, .bold]), width: console.width)
    } else {
      let mark = BlockView.number(GradedAttempt.passMark)
      lines += wrap(
        console.paint(
          "\(symbols.wrong) Not passed yet: \(total); the pass mark is \(mark)%.", [.yellow, .bold]),
        width: console.width)
    }
    // The letters the learner saw: this attempt's shuffle, which the seed repeats.
    let shown = QuizAttempt(quiz: quiz, seed: attempt.seed).questions
    let missed = attempt.answers.filter { !$0.isCorrect }
    if !missed.isEmpty {
      lines.append("")
      lines += wrap(
        console.inline("Missed questions come back in `cachelings review`:"), width: console.width)
      for answer in missed {
        guard let asked = shown.first(where: { $0.question.id == answer.question }) else { continue }
        let chosen = Self.shownLetters(answer.chosen, asked)
        let right = Self.shownLetters(answer.right, asked)
        lines += wrap(
          "\(symbols.bullet) " + console.inline(Self.firstParagraph(asked.question)), width: console.width,
          indent: "  ")
        lines.append(console.paint("  you chose \(chosen); right: \(right)", .dim))
      }
    }
    return lines
  }

  /// Letters of options in the file (A is the first written) as the attempt showed them, joined by +.
  static func shownLetters(_ fileLetters: [String], _ asked: QuizAttempt.Shown) -> String {
    let positions = fileLetters.compactMap { letter -> Int? in
      guard let index = letter.first.flatMap(Letters.index) else { return nil }
      return asked.order.firstIndex(of: index)
    }
    return positions.sorted().map(Letters.letter).joined(separator: "+")
  }

  /// The question's first paragraph as one line: the file's line breaks inside it are not the
  /// learner's business.
  static func firstParagraph(_ question: Question) -> String {
    let paragraphs = question.prompt.components(separatedBy: "\n\n")
    let first = paragraphs.first { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("```") } ?? question.id
    return first.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }
}
