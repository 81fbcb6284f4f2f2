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

  /// Asks every question; nil when the learner quits before the end (nothing is recorded then).
  public func run() -> GradedAttempt? {
    let asker = QuestionAsker(console: console)
    var answers: [GradedAttempt.Answer] = []
    for (index, shown) in attempt.questions.enumerated() {
      console.clearScreen()
      let title = "Quiz: \(lessonTitle), question \(index + 1) of \(attempt.questions.count)"
      guard case .answered(let chosen, let usedHint) = asker.ask(shown, title: title) else { return nil }
      answers.append(GradedAttempt.answer(shown.question, chosen: chosen, usedHint: usedHint))
      asker.feedback(shown, chosen: chosen)
      asker.pause(last: index == attempt.questions.count - 1)
    }
    return GradedAttempt(lesson: attempt.lessonID, seed: attempt.seed, finishedAt: now(), answers: answers)
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
      lines.append(console.paint("\(symbols.right) Passed: \(total).", [.green, .bold]))
    } else {
      let mark = BlockView.number(GradedAttempt.passMark)
      lines.append(
        console.paint(
          "\(symbols.wrong) Not passed yet: \(total); the pass mark is \(mark)%.", [.yellow, .bold]))
    }
    let missed = zip(attempt.answers, quiz.questions).filter { !$0.0.isCorrect }
    if !missed.isEmpty {
      lines.append("")
      lines.append("Missed questions come back in `cachelings review`:")
      for (answer, question) in missed {
        let firstLine = question.prompt.split(separator: "\n").first.map(String.init) ?? question.id
        lines += wrap(
          "\(symbols.bullet) \(question.id) (you chose \(answer.chosen.joined(separator: "+")), right: \(answer.right.joined(separator: "+"))): \(firstLine)",
          width: console.width, indent: "  ")
      }
    }
    return lines
  }
}
