import Foundation
import TestSupport
import Testing

@testable import Course

/// Quiz and review through the real binary: the end screen in the letters the learner saw, a quiz left
/// and resumed, a review from a closed input, and the home screen's next step after them.
@Suite(.serialized) struct QuizTerminalTests {
  let workspace = NSTemporaryDirectory() + "cachelings-quiz-\(UUID().uuidString)"

  var environment: [String: String] { LearnerEnvironment.make(workspace: workspace) }

  var quiz: Quiz {
    get throws {
      let entry = try #require(CourseContent.load(root: EndToEndTests.courseRoot).lesson(named: "1"))
      return try #require(entry.quiz)
    }
  }

  func terminal(_ arguments: [String]) throws -> PseudoTerminal {
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    return try PseudoTerminal(executable: binary, arguments: arguments, environment: environment)
  }

  /// Keys that answer shown wrongly: the first option shown that is not right (then enter when several
  /// may be chosen).
  func wrongKeys(_ shown: QuizAttempt.Shown) -> String {
    let wrong = shown.options.indices.first { !shown.rightPositions.contains($0) } ?? 0
    return Letters.letter(wrong).lowercased() + (shown.question.isMultipleAnswer ? "\r" : "")
  }

  func collapsed(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }

  @Test func theEndScreenNamesTheLettersTheLearnerSawAndWholeQuestions() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let quiz = try quiz
    let attempt = QuizAttempt(quiz: quiz, seed: 7)
    let session = try terminal(["quiz", "1", "--seed", "7"])
    for (index, shown) in attempt.questions.enumerated() {
      #expect(session.waitFor(["question \(index + 1) of"], after: 0, timeout: 30) != nil)
      session.send(wrongKeys(shown))
      #expect(session.waitFor(["any key"], after: max(0, session.text.count - 200)) != nil)
      session.send(" ")
    }
    #expect(session.waitFor(["Not passed yet"]) != nil)
    // The score is paged to the terminal's height: space at each "more" until it ends.
    var offset = session.text.components(separatedBy: "Your score").first?.count ?? 0
    while session.waitFor(["space or enter more"], after: offset, timeout: 5) != nil {
      offset = session.text.count
      session.send(" ")
    }
    #expect(session.wait() == 0)
    let end = String(session.text.components(separatedBy: "Your score").dropFirst().joined())
    let first = attempt.questions[0]
    let chose = Letters.letter(first.options.indices.first { !first.rightPositions.contains($0) } ?? 0)
    let right = first.rightPositions.map(Letters.letter).joined(separator: "+")
    #expect(end.contains("you chose \(chose); right: \(right)"), "the letters shown: \(end.prefix(600))")
    let paragraph = ScoreView.firstParagraph(first.question).replacingOccurrences(of: "`", with: "")
    #expect(collapsed(end).contains(collapsed(paragraph)), "the whole question, not its first source line")
    #expect(!end.contains("`"), "inline code is painted, not shown in backticks")
  }

  @Test func aQuizLeftWithQIsKeptAndResumesWhereItWasLeft() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let session = try terminal(["quiz", "1"])
    #expect(session.waitFor(["question 1 of"], timeout: 30) != nil)
    session.send("a")
    #expect(session.waitFor(["any key"]) != nil)
    session.send(" ")
    #expect(session.waitFor(["question 2 of"]) != nil)
    session.send("q")
    #expect(session.waitFor(["answers are kept"]) != nil)
    #expect(session.wait() == 0)
    let progress = ProgressStore(path: workspace + "/progress.json").load().progress
    #expect(progress.openQuizzes["why-caching"]?.answers.count == 1)
    #expect(progress.attempts.isEmpty)

    let binary = try #require(BuiltProducts.executable("cachelings"))
    let (_, home, _) = try ProgramRun.run(binary, [], environment: environment)
    #expect(home.contains("Finish the quiz of lesson 1"), "the home screen's next step: \(home)")

    let again = try terminal(["quiz", "1"])
    #expect(again.waitFor(["question 2 of", "question 1 of"], timeout: 30) == "question 2 of")
    again.send("\u{1B}")
    #expect(again.wait() == 0)

    let answers = try quiz.questions.map { _ in "A" }.joined(separator: ",")
    _ = try ProgramRun.run(binary, ["quiz", "1", "--answers", answers], environment: environment)
    let finished = ProgressStore(path: workspace + "/progress.json").load().progress
    #expect(finished.openQuizzes.isEmpty, "a whole attempt ends the sitting left half-way")
  }

  @Test func aReviewFromAClosedInputSaysWhatIsLeftAndWhenQuestionsReturn() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"))
    let quiz = try quiz
    // Every answer the file's first option: some right, some missed.
    let answers = quiz.questions.map { _ in "A" }.joined(separator: ",")
    _ = try ProgramRun.run(binary, ["quiz", "1", "--answers", answers], environment: environment)
    let (_, home, _) = try ProgramRun.run(binary, [], environment: environment)
    #expect(home.contains("Review"), "missed questions are due, and come first: \(home)")

    let (status, closed, _) = try ProgramRun.run(binary, ["review"], environment: environment, input: "")
    #expect(status == 0)
    #expect(!closed.contains("Reviewed 0"), "nothing was reviewed: \(closed)")
    #expect(closed.contains("Review stopped after 0 of"))

    let (_, answered, _) = try ProgramRun.run(binary, ["review"], environment: environment, input: "A\n")
    #expect(answered.contains("When they come back"))
    #expect(answered.contains("back "), "a date or a next review for the question answered: \(answered)")
  }
}
