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

  @Test(arguments: [
    ("lesson: why-caching", "lessen: why-caching", 2, "unknown front matter key 'lessen'"),
    ("## pick-two", "## Pick Two", 26, "must be a slug"),
    ("## pick-two", "## average-latency", 26, "already used on line 5"),
    ("difficulty: hard", "difficulty: brutal", 27, "unknown difficulty 'brutal'"),
    ("difficulty: easy", "level: easy", 6, "must be 'difficulty: easy'"),
    ("[hint]\nThink servers.\n", "", 26, "needs a [hint] section"),
    ("[steps]\n1. Add.", "[steps]\n", 5, "[steps] of question 'average-latency' is empty"),
    ("- [ ] 10 ms\n", "- [ ] 10 ms\nstray text\n", 18, "expected another '- [ ] option'"),
    ("- [x] 11 ms", "- [ ] 11 ms", 15, "no option is marked right"),
    ("- [ ] 10 ms", "- [ ] 1 ms", 15, "two options have the same text"),
    ("[mistakes]\nLocMem", "[errors]\nLocMem", 39, "unknown section [errors]"),
    ("difficulty: hard", "difficulty: hard\ntopic:", 28, "'topic:' needs a value"),
    ("difficulty: hard", "difficulty: hard\ntopic: a\ntopic: b", 29, "'topic:' is given twice"),
  ])
  func malformedQuizzesNameTheLine(original: String, replacement: String, line: Int, message: String) {
    let broken = Self.good.replacingFirst(original, with: replacement)
    #expect(broken != Self.good)
    do {
      _ = try QuizParser.parse(broken, file: "Lessons/01-x/quiz.md")
      Issue.record("expected an error")
    } catch {
      #expect(error.line == line, "\(error)")
      #expect(error.message.contains(message), "\(error)")
    }
  }
}
