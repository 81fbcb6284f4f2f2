import Terminal
import Testing

@testable import Course

/// Inline code on a colour terminal is painted wherever it appears, as question text is: in quiz
/// options, in the right answer after a miss, and in the score screen.
@Suite struct InlineCodeScreenTests {
  static let quizText = """
    ---
    lesson: why-caching
    ---

    ## which-call
    difficulty: easy

    Which call stores a value only when the key is missing?

    - [x] `cache.add(key, value)`
    - [ ] `cache.set(key, value)`
    - [ ] `cache.touch(key)`

    [hint]
    One of them refuses to overwrite.
    [steps]
    `add` stores only when the key is absent.
    [mistakes]
    - `set` always overwrites.
    - `touch` only changes the timeout.
    """

  @Test func optionsAnswersAndTheScoreShowNoBackticksInColour() throws {
    let quiz = try QuizParser.parse(Self.quizText, file: "q.md")
    let attempt = QuizAttempt(quiz: quiz, seed: 5)
    let wrong = attempt.questions[0].options.indices.first {
      !attempt.questions[0].rightPositions.contains($0)
    }!
    let script = ScriptedConsole(keys: [.character(Character(Letters.letter(wrong).lowercased())), .enter])
    var console = script.console(interactive: true)
    console.theme = Theme(color: true, unicode: true)
    let graded = try #require(
      QuizSession(attempt: attempt, lessonTitle: "W", console: console, now: { 0 }).run().graded)
    #expect(script.output.contains("cache.add(key, value)"))
    #expect(!script.output.contains("`"), "no raw backticks in the question, its options or the answer")
    let score = ScoreView(console: console).lines(graded, quiz: quiz).joined(separator: "\n")
    #expect(score.contains("cachelings review") && !score.contains("`"))
  }

  @Test func theNextStepAfterAFailedQuizIsToTakeItAgainOnceNothingIsDue() throws {
    let quiz = try QuizParser.parse(Self.quizText, file: "q.md")
    let lesson = try LessonParser.parse(
      LessonParserTests.good, file: "l.md", number: 1, simulations: ["hit-ratio-latency"])
    let content = CourseContent(
      root: "/",
      lessons: [CourseContent.Entry(folder: "01-why-caching", lesson: lesson, quiz: quiz, path: "/")],
      errors: [])
    var progress = CourseProgress()
    progress.lessons["why-caching", default: .init()].completed = true
    progress.record(
      GradedAttempt(
        lesson: "why-caching", seed: 5, finishedAt: 0,
        answers: [GradedAttempt.answer(quiz.questions[0], chosen: [1], usedHint: false)]))
    let console = ScriptedConsole().console(interactive: false)
    let missed = Overview(content: content, progress: progress, console: console, now: 10).nextStep()
    #expect(missed.text == "Review 1 question that is due" && missed.command == "cachelings review")
    progress.cards["why-caching/which-call"]?.record(correct: true, usedHint: false, at: 20)
    let failed = Overview(content: content, progress: progress, console: console, now: 30).nextStep()
    #expect(failed.text.hasPrefix("Take the quiz of lesson 1 again (best 0%"))
    #expect(failed.command == "cachelings quiz 1")
  }
}
