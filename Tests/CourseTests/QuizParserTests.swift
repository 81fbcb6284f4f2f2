import Testing

@testable import Course

@Suite struct QuizParserTests {
  static let good = """
    ---
    lesson: why-caching
    ---

    ## average-latency
    difficulty: easy

    A cache answers in 1 ms, the database in 100 ms.

    ```swift
    let x = 1
    - [x] not an option inside code
    ```

    - [ ] 1 ms
    - [x] 11 ms
    - [ ] 10 ms

    [hint]
    A miss pays twice.
    [steps]
    1. Add.
    [mistakes]
    - 10 ms forgets the lookup.

    ## pick-two
    difficulty: hard

    Which are shared across processes?

    - [x] Redis
    - [ ] LocMemCache
    - [x] Memcached

    [hint]
    Think servers.
    [steps]
    Servers are shared.
    [mistakes]
    LocMem is per process.
    """

  @Test func readsQuestions() throws {
    let quiz = try QuizParser.parse(Self.good, file: "q.md")
    #expect(quiz.lessonID == "why-caching")
    #expect(quiz.questions.map(\.id) == ["average-latency", "pick-two"])
    let first = quiz.questions[0]
    #expect(first.difficulty == .easy && first.correct == [1] && !first.isMultipleAnswer)
    #expect(first.options == ["1 ms", "11 ms", "10 ms"])
    #expect(first.prompt.contains("- [x] not an option inside code"))
    #expect(first.hint == "A miss pays twice." && first.steps == "1. Add." && first.line == 5)
    #expect(quiz.questions[1].correct == [0, 2] && quiz.questions[1].isMultipleAnswer)
  }

  @Test func readsTheTopicAndTheLengthLintReasonAfterTheDifficulty() throws {
    let text = Self.good.replacingFirst(
      "difficulty: hard", with: "difficulty: hard\ntopic: backend-redis\nallow-longest: names both servers")
    let question = try QuizParser.parse(text, file: "q.md").questions[1]
    #expect(question.topic == "backend-redis" && question.allowLongest == "names both servers")
    #expect(question.prompt == "Which are shared across processes?")
    #expect(try QuizParser.parse(Self.good, file: "q.md").questions[0].topic == nil)
  }
}
