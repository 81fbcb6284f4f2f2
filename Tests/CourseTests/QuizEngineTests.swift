import Testing

@testable import Course

@Suite struct QuizEngineTests {
  let quiz = try! QuizParser.parse(QuizParserTests.good, file: "q.md")

  @Test func aSeedFixesTheShuffleAndEveryOrderIsAPermutation() {
    let one = QuizAttempt(quiz: quiz, seed: 7)
    let again = QuizAttempt(quiz: quiz, seed: 7)
    #expect(one.questions == again.questions)
    for shown in one.questions {
      #expect(shown.order.sorted() == Array(shown.question.options.indices))
      #expect(shown.fileIndices(ofShown: shown.rightPositions) == shown.question.correct)
    }
    let orders = Set((0..<40).map { QuizAttempt(quiz: quiz, seed: UInt64($0)).questions[0].order })
    #expect(orders.count == 6, "three options have six orders, and forty seeds should reach them all")
  }

  @Test func multipleAnswerNeedsExactlyTheMarkedSet() {
    let question = quiz.questions[1]
    #expect(Grading.isRight([2, 0], for: question))
    #expect(!Grading.isRight([0], for: question))
    #expect(!Grading.isRight([0, 1, 2], for: question))
  }

  @Test func answerListNamesOptionsAsWritten() throws {
    #expect(try AnswerList.parse("B,A+C", for: quiz) == [[1], [0, 2]])
    #expect(try AnswerList.parse(" b , c+a ", for: quiz) == [[1], [2, 0]])
    #expect(throws: AnswerListError.self) { try AnswerList.parse("B", for: quiz) }
    do {
      _ = try AnswerList.parse("B,A+E", for: quiz)
    } catch {
      #expect(error.description == "answer 2 ('A+E'): use option letters A to C, joined by + for several")
    }
  }

  @Test func scoresPerDifficultyAndThePassMark() {
    let answers = [
      GradedAttempt.answer(quiz.questions[0], chosen: [1], usedHint: true),
      GradedAttempt.answer(quiz.questions[1], chosen: [0], usedHint: false),
    ]
    let attempt = GradedAttempt(lesson: "why-caching", seed: 1, finishedAt: 0, answers: answers)
    #expect(attempt.answers[0].chosen == ["B"] && attempt.answers[1].right == ["A", "C"])
    #expect(attempt.byDifficulty["easy"] == GradedAttempt.Score(correct: 1, total: 1))
    #expect(attempt.byDifficulty["hard"] == GradedAttempt.Score(correct: 0, total: 1))
    #expect(attempt.byDifficulty["medium"] == nil)
    #expect(attempt.score.percent == 50 && !attempt.passed)
    let perfect = GradedAttempt(lesson: "l", seed: 1, finishedAt: 0, answers: [answers[0]])
    #expect(perfect.passed)
  }

  @Test func reviewFollowsSM2() {
    var card = ReviewCard()
    let day = 86_400.0
    card.record(correct: true, usedHint: false, at: 0)
    #expect(card.intervalDays == 1 && card.due == day && card.ease == 2.5)
    card.record(correct: true, usedHint: false, at: day)
    #expect(card.intervalDays == 6 && card.due == 7 * day)
    card.record(correct: true, usedHint: true, at: 7 * day)
    #expect(card.intervalDays == 15 && abs(card.ease - 2.36) < 1e-9)
    #expect(!card.isDue(at: 8 * day) && card.isDue(at: 22 * day))
    card.record(correct: false, usedHint: false, at: 10 * day)
    #expect(card.streak == 0 && card.lapses == 1 && abs(card.ease - 2.16) < 1e-9 && card.isDue(at: 10 * day))
    for _ in 0..<10 { card.record(correct: false, usedHint: false, at: 0) }
    #expect(card.ease == ReviewCard.minimumEase)
  }

  @Test func progressRecordsAttemptsAndSchedulesEveryQuestion() {
    var progress = CourseProgress()
    let answers = [
      GradedAttempt.answer(quiz.questions[0], chosen: [1], usedHint: true),
      GradedAttempt.answer(quiz.questions[1], chosen: [0], usedHint: false),
    ]
    progress.record(GradedAttempt(lesson: "why-caching", seed: 1, finishedAt: 100, answers: answers))
    #expect(progress.cards["why-caching/average-latency"]?.lastCorrect == true)
    #expect(progress.cards["why-caching/pick-two"]?.isDue(at: 100) == true)
    #expect(progress.hints == ["why-caching/average-latency": 1])
    #expect(progress.bestAttempt("why-caching")?.score.correct == 1)
  }
}
