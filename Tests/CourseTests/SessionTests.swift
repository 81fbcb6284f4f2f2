import Terminal
import Testing

@testable import Course

/// A console fed from a script of keys or lines, collecting what the screens write.
final class ScriptedConsole {
  var keys: [Key]
  var lines: [String]
  var output = ""

  init(keys: [Key] = [], lines: [String] = []) {
    self.keys = keys
    self.lines = lines
  }

  func console(interactive: Bool, width: Int = 80, height: Int? = nil) -> Console {
    Console(
      theme: .plain, width: width, isInteractive: interactive, write: { self.output += $0 },
      readKey: { self.keys.isEmpty ? nil : self.keys.removeFirst() },
      readLine: { self.lines.isEmpty ? nil : self.lines.removeFirst() }, height: height)
  }
}

@Suite struct SessionTests {
  let lesson = try! LessonParser.parse(
    LessonParserTests.good, file: "l.md", number: 1, simulations: ["hit-ratio-latency"])
  let quiz = try! QuizParser.parse(QuizParserTests.good, file: "q.md")

  @Test func learnWaitsForPredictionsAndRemembersAnswers() {
    let script = ScriptedConsole(keys: [
      .character("n"), .character("x"), .character("b"), .enter, .character("f"), .character("t"),
    ])
    var state = CourseProgress.LessonState()
    let outcome = LearnSession(lesson: lesson, console: script.console(interactive: true)).run(state: &state)
    #expect(outcome == .quiz)
    #expect(
      state.answers == ["1.1": true, "2.1": true] && state.completed && state.page == 2 && state.pages == 3)
    #expect(script.output.contains("✓ Right: B) 21.8 ms (hits and misses)"))
    #expect(script.output.contains("✓ Right. It is a myth."))
    #expect(script.output.contains("Lab: hit-ratio-latency"))
    #expect(script.keys.isEmpty)
  }

  @Test func aScreenTallerThanTheTerminalPagesAndKeepsTheFeedbackInView() {
    let script = ScriptedConsole(keys: [
      .character("n"), .character("b"), .enter, .character("f"), .character(" "), .character(" "),
      .character(" "), .character("q"),
    ])
    var state = CourseProgress.LessonState()
    _ = LearnSession(lesson: lesson, console: script.console(interactive: true, width: 60, height: 24))
      .run(state: &state)
    let screens = script.output.components(separatedBy: "\u{1B}[2J")
    #expect(screens.allSatisfy { $0.split(separator: "\n", omittingEmptySubsequences: false).count <= 24 })
    let myth = try! #require(screens.first { $0.contains("Right. It is a myth.") })
    #expect(myth.contains("space or enter more"), "the lab waits for a key below the myth's answer")
    #expect(!myth.contains("Lab: hit-ratio-latency"), "the lab does not push the answer off the screen")
    #expect(screens.contains { $0.contains("Lab: hit-ratio-latency") })
    #expect(screens.last?.contains("t take the quiz now") == true)
  }

  @Test func theEndOffersTheLessonsExerciseWhenThereIsOne() {
    let keys: [Key] = [.character("n"), .character("b"), .enter, .character("f"), .character("x")]
    var state = CourseProgress.LessonState()
    let without = ScriptedConsole(keys: keys + [.character("q")])
    #expect(
      LearnSession(lesson: lesson, console: without.console(interactive: true)).run(state: &state)
        == .finished)
    #expect(!without.output.contains("x start its exercise"))
    state = CourseProgress.LessonState()
    let with = ScriptedConsole(keys: keys)
    let outcome = LearnSession(lesson: lesson, console: with.console(interactive: true), hasExercise: true)
      .run(state: &state)
    #expect(outcome == .exercise)
    #expect(with.output.contains("x start its exercise"))
  }

  @Test func quittingKeepsThePlaceAndAWrongPredictionIsShown() {
    let script = ScriptedConsole(keys: [.character("n"), .character("a"), .character("q")])
    var state = CourseProgress.LessonState()
    let session = LearnSession(lesson: lesson, console: script.console(interactive: true))
    #expect(session.run(state: &state) == .quit)
    #expect(state.page == 1 && state.answers == ["1.1": false] && !state.completed)
    #expect(script.output.contains("✗ Not quite. The answer: B) 21.8 ms"))
    let again = ScriptedConsole(keys: [.character("b"), .character("q")])
    #expect(
      LearnSession(lesson: lesson, console: again.console(interactive: true)).run(state: &state) == .quit)
    #expect(state.page == 0, "back from screen 2, which opened where the learner left")
    #expect(!again.output.contains("your prediction"), "an answered prediction is not asked again")
  }

  @Test func printingTheWholeLessonRevealsEverything() {
    let script = ScriptedConsole()
    LearnSession(lesson: lesson, console: script.console(interactive: false)).printWhole()
    for text in [
      "Lesson 1: Why caching matters", "The answer: B) 21.8 ms", "It is a myth.", "Root cause",
      "Watch the curve.",
    ] {
      #expect(script.output.contains(text), "\(text)")
    }
    #expect(!script.output.contains("\u{1B}"))
  }

  @Test func quizByKeysWithAHintAndAMultipleAnswer() throws {
    let attempt = QuizAttempt(quiz: quiz, seed: 3)
    let first = attempt.questions[0].rightPositions.map { Character(Letters.letter($0)) }
    let second = attempt.questions[1].rightPositions.map { Character(Letters.letter($0)) }
    let keys: [Key] =
      [.character("h"), .character(first[0]), .enter]
      + [.character(second[0]), .character(second[1]), .character(second[1]), .character(second[1])]
      + [.enter, .enter]
    let script = ScriptedConsole(keys: keys)
    let graded = try #require(
      QuizSession(
        attempt: attempt, lessonTitle: "Why", console: script.console(interactive: true), now: { 5 }
      ).run().graded)
    #expect(graded.answers.map(\.isCorrect) == [true, true])
    #expect(graded.answers.map(\.usedHint) == [true, false])
    #expect(graded.passed && graded.finishedAt == 5 && graded.seed == 3)
    #expect(script.output.contains("Hint\nA miss pays twice."))
    #expect(script.keys.isEmpty)
  }

  @Test func quizByLinesExplainsAWrongAnswer() throws {
    let attempt = QuizAttempt(quiz: quiz, seed: 9)
    let wrong = attempt.questions[0].order.firstIndex(of: 0)!
    let script = ScriptedConsole(lines: ["z", Letters.letter(wrong), "A+B+C"])
    let graded = try #require(
      QuizSession(
        attempt: attempt, lessonTitle: "Why", console: script.console(interactive: false), now: { 0 }
      ).run().graded)
    #expect(graded.answers.map(\.isCorrect) == [false, false])
    #expect(graded.answers[0].chosen == ["A"] && graded.answers[1].chosen == ["A", "B", "C"])
    #expect(script.output.contains("Please answer with a letter from A to C."))
    #expect(script.output.contains("✗ Not quite. The right answer:"))
    #expect(
      script.output.contains("Common mistakes\n- 10 ms forgets the lookup.")
        || script.output.contains("Common mistakes\n• 10 ms forgets the lookup."))
    let score = ScoreView(console: script.console(interactive: false)).lines(graded, quiz: quiz).joined(
      separator: "\n")
    #expect(score.contains("Not passed yet: 0 of 2 right (0%); the pass mark is 80%."))
    // The letters the learner saw in this shuffle, not the file's; the whole first paragraph.
    let right = attempt.questions[0].rightPositions.map(Letters.letter).joined(separator: "+")
    #expect(score.contains("• A cache answers in 1 ms, the database in 100 ms.\n"))
    #expect(score.contains("you chose \(Letters.letter(wrong)); right: \(right)"))
    #expect(wrong != 0 || right != "B", "seed 9 shuffles the options, so the letters differ from the file's")
    let narrow = ScoreView(console: script.console(interactive: false, width: 50)).lines(graded, quiz: quiz)
    #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 50 }, "the score fits 50 columns: \(narrow)")
    #expect(narrow.contains { $0.hasSuffix("80%.") }, "the pass mark keeps its % sign")
  }

  /// A score longer than the terminal waits at "more" and goes on under "Your score": no screen is
  /// taller than the terminal, and every line of the score is shown.
  @Test func aLongScoreIsPagedToTheTerminalsHeight() throws {
    let attempt = QuizAttempt(quiz: quiz, seed: 9)
    let wrong = attempt.questions[0].order.firstIndex(of: 0)!
    let graded = QuizSession(
      attempt: attempt, lessonTitle: "Why", console: ScriptedConsole().console(interactive: false), now: { 0 }
    ).grade([[wrong], [0, 1, 2]])
    let script = ScriptedConsole(keys: Array(repeating: .character(" "), count: 5))
    let view = ScoreView(console: script.console(interactive: true, width: 40, height: 6))
    let lines = view.lines(graded, quiz: quiz)
    #expect(lines.count > 6, "the score is longer than the terminal: \(lines)")
    view.show(graded, quiz: quiz)
    #expect(script.output.contains("space or enter more"))
    let screens = script.output.components(separatedBy: "\u{1B}[2J\u{1B}[H").dropFirst()
    #expect(screens.count > 1)
    for screen in screens {
      let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(rows.count <= 6, "a screen of \(rows.count) rows: \(rows)")
      #expect(rows.first == "Your score")
    }
    for line in lines where !line.isEmpty {
      #expect(script.output.contains(line))
    }
  }

  @Test func aQuizLeftKeepsItsAnswersAndResumesAtTheNextQuestion() throws {
    let attempt = QuizAttempt(quiz: quiz, seed: 1)
    let first = Character(Letters.letter(attempt.questions[0].rightPositions[0]))
    let script = ScriptedConsole(keys: [.character(first), .enter, .character("q")])
    let session = QuizSession(
      attempt: attempt, lessonTitle: "W", console: script.console(interactive: true), now: { 0 })
    guard case .left(let answers) = session.run() else {
      Issue.record("q leaves the quiz")
      return
    }
    #expect(answers.map(\.question) == ["average-latency"] && answers[0].isCorrect)
    let second = attempt.questions[1].rightPositions.map { Character(Letters.letter($0)) }
    let again = ScriptedConsole(keys: second.map(Key.character) + [.enter, .enter])
    let graded = try #require(
      QuizSession(attempt: attempt, lessonTitle: "W", console: again.console(interactive: true), now: { 0 })
        .run(answered: answers).graded)
    #expect(graded.answers.map(\.question) == ["average-latency", "pick-two"] && graded.passed)
    #expect(again.output.contains("question 2 of 2") && !again.output.contains("question 1 of 2"))
  }

  @Test func reviewAsksMissedAndDueQuestionsAndCramAsksAll() {
    let content = CourseContent(
      root: "/",
      lessons: [
        CourseContent.Entry(
          folder: "01-why-caching", lesson: lesson, quiz: quiz, path: "/Lessons/01-why-caching")
      ],
      errors: [])
    var progress = CourseProgress()
    progress.record(
      GradedAttempt(
        lesson: "why-caching", seed: 1, finishedAt: 0,
        answers: [
          GradedAttempt.answer(quiz.questions[0], chosen: [1], usedHint: false),
          GradedAttempt.answer(quiz.questions[1], chosen: [1], usedHint: false),
        ]))
    let review = ReviewSession(content: content, console: ScriptedConsole().console(interactive: false))
    #expect(review.items(progress: progress, now: 10, cram: false).map(\.key) == ["why-caching/pick-two"])
    #expect(
      review.items(progress: progress, now: 2 * 86_400, cram: false).count == 2,
      "the right one falls due after a day")
    #expect(review.items(progress: progress, now: 10, cram: true).count == 2)

    let shown = QuizAttempt(quiz: Quiz(lessonID: "", questions: [quiz.questions[1]]), seed: 77).questions[0]
    let answer = shown.rightPositions.map(Letters.letter).joined(separator: "+")
    let script = ScriptedConsole(lines: [answer])
    let items = review.items(progress: progress, now: 10, cram: false)
    let result = ReviewSession(content: content, console: script.console(interactive: false))
      .run(items, progress: &progress, now: { 20 }, seed: 77)
    #expect(result.right == 1 && result.asked == 1)
    #expect(progress.cards["why-caching/pick-two"]?.lastCorrect == true)
    #expect(review.items(progress: progress, now: 30, cram: false).isEmpty)
  }
}
