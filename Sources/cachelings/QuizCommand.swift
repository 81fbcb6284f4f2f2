import Arguments
import Course
import Foundation

/// `cachelings quiz [LESSON] [--answers LIST] [--seed N] [--json]`.
enum QuizCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    guard let loaded = LessonChoice.load(arguments) else { return 2 }
    let setup = loaded.setup
    let entry = loaded.entry
    var progress = loaded.progress
    var seed: UInt64?
    if let text = arguments.value("seed") {
      guard let value = UInt64(text) else {
        Output.error("--seed takes a whole number, not '\(text)'")
        return 2
      }
      seed = value
    }
    guard let answers = arguments.value("answers") else {
      return take(entry, setup: setup, progress: &progress, seed: seed, json: arguments.flag("json"))
    }
    guard let quiz = entry.quiz else {
      Output.error("lesson \(entry.lesson.number) has no quiz")
      return 1
    }
    let chosen: [[Int]]
    do {
      chosen = try AnswerList.parse(answers, for: quiz)
    } catch {
      Output.error("\(error)")
      return 2
    }
    let attempt = QuizAttempt(quiz: quiz, seed: seed ?? randomSeed())
    let session = QuizSession(
      attempt: attempt, lessonTitle: entry.lesson.title, console: setup.printer(), now: now)
    let graded = session.grade(chosen)
    progress = setup.update(progress) { latest in
      // A whole attempt given at once ends any sitting left half-way.
      latest.openQuizzes[entry.lesson.id] = nil
      latest.record(graded)
    }
    report(graded, quiz: quiz, setup: setup, json: arguments.flag("json"))
    return 0
  }

  /// Asks the quiz of entry on the console, records and reports the attempt.
  static func take(
    _ entry: CourseContent.Entry, setup: CourseSetup, progress: inout CourseProgress, seed: UInt64?,
    json: Bool
  )
    -> Int32
  {
    guard let quiz = entry.quiz else {
      Output.error("lesson \(entry.lesson.number) has no quiz")
      return 1
    }
    let lesson = entry.lesson.id
    // A quiz left before its end resumes with the same shuffle and the answers given, unless a seed is asked.
    let open = seed == nil ? progress.openQuizzes[lesson] : nil
    let attempt = QuizAttempt(quiz: quiz, seed: seed ?? open?.seed ?? randomSeed())
    let outcome = setup.withConsole { console in
      QuizSession(attempt: attempt, lessonTitle: entry.lesson.title, console: console, now: now)
        .run(answered: open?.answers ?? [])
    }
    switch outcome {
    case .left(let answers):
      progress = setup.update(progress) { latest in
        if answers.isEmpty {
          latest.openQuizzes[lesson] = nil
        } else {
          latest.openQuizzes[lesson] = OpenQuiz(seed: attempt.seed, answers: answers, leftAt: now())
        }
      }
      let console = setup.printer()
      console.print()
      let kept =
        answers.isEmpty
        ? "Quiz left before the first answer; nothing to keep."
        : "Quiz left with \(answers.count) of \(quiz.questions.count) answered; your answers are kept. "
          + "`\(CourseSetup.program) quiz \(entry.lesson.number)` resumes at the next question."
      console.print(console.markdown(kept))
      return 0
    case .finished(let graded):
      progress = setup.update(progress) { latest in
        latest.openQuizzes[lesson] = nil
        latest.record(graded)
      }
      if json {
        report(graded, quiz: quiz, setup: setup, json: true)
      } else {
        setup.withConsole { ScoreView(console: $0).show(graded, quiz: quiz) }
      }
      return 0
    }
  }

  static func report(_ graded: GradedAttempt, quiz: Quiz, setup: CourseSetup, json: Bool) {
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      let data = (try? encoder.encode(graded)) ?? Data()
      Output.write(String(decoding: data, as: UTF8.self) + "\n")
    } else {
      setup.printer().print(ScoreView(console: setup.printer()).lines(graded, quiz: quiz))
    }
  }

  static func randomSeed() -> UInt64 { UInt64.random(in: 1...UInt64(UInt32.max)) }

  static func now() -> Double { Date().timeIntervalSince1970 }
}
