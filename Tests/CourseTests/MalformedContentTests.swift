import Testing

@testable import Course

/// Each content parser refuses a broken variant of its good sample with an error that names the file, the
/// line and what is wrong: one rule for lessons, quizzes and exercises.
@Suite struct MalformedContentTests {
  /// A kind of content file: its good sample, the file name its parser is given, and the parser.
  enum Kind: String, Sendable, CustomTestStringConvertible {
    case lesson, quiz, exercise

    var testDescription: String { rawValue }

    var good: String {
      switch self {
      case .lesson: LessonParserTests.good
      case .quiz: QuizParserTests.good
      case .exercise: ExerciseParserTests.good
      }
    }

    var file: String {
      switch self {
      case .lesson: "Lessons/01-x/lesson.md"
      case .quiz: "Lessons/01-x/quiz.md"
      case .exercise: "exercise.md"
      }
    }

    func parse(_ text: String) throws(ContentError) {
      switch self {
      case .lesson:
        _ = try LessonParser.parse(text, file: file, number: 1, simulations: LessonParserTests.simulations)
      case .quiz: _ = try QuizParser.parse(text, file: file)
      case .exercise:
        _ = try ExerciseParser.parse(
          text, file: file, number: 1, folder: "/course/Exercises/01-cache-aside-ttl")
      }
    }
  }

  /// Each kind's good sample with its first `original` replaced must fail at this line with a message
  /// containing this text.
  static let breakages: [(kind: Kind, original: String, replacement: String, line: Int, message: String)] = [
    (.lesson, "id: why-caching", "id: Why Caching", 2, "must be a slug"),
    (.lesson, "minutes: 12", "minutes: twelve", 4, "minutes must be a whole number"),
    (.lesson, "title: Why caching matters\n", "", 1, "needs 'title:'"),
    (.lesson, "minutes: 12", "minutes: 12\ncolour: red", 5, "unknown front matter key 'colour'"),
    (.lesson, "- [x] 21.8 ms", "- [ ] 21.8 ms", 24, "no option is marked right"),
    (.lesson, "- [ ] 2 ms", "- [x] 2 ms", 24, "exactly one right option"),
    (.lesson, "[reveal]", "[explain]", 29, "unknown section [explain]"),
    (.lesson, "[false]\n", "", 35, "needs a [true or false] section"),
    (.lesson, "::: lab hit-ratio-latency", "::: lab hit-ratio", 54, "unknown simulation 'hit-ratio'"),
    (.lesson, "::: pitfall Greeting by name", "::: pitfall", 45, "a pitfall needs a title"),
    (.lesson, "Shared key.\n:::", "Shared key.", 53, "close the block opened on line 45"),
    (.lesson, "Watch the curve.\n:::", "Watch the curve.", 54, "this block is not closed"),
    (.lesson, "::: lab hit", "::: quiz hit", 54, "unknown block 'quiz'"),
    (.lesson, "Because a miss pays twice.", "Because.\n::: myth", 31, "blocks do not nest"),
    (.lesson, "Opening words.", "::: model\nA copy.\n[analogy]\n:::", 10, "[analogy] is empty"),
    (.lesson, "Opening words.", "::: model\n[analogy]\nA pad.\n:::", 10, "needs the model before [analogy]"),
    (.lesson, "Opening words.", "::: model\nCopy.\n[picture]\nA pad.\n:::", 12, "unknown section [picture]"),
    (.lesson, "Opening words.", "::: takeaways\n- one\ntwo\n:::", 12, "holds only '- ' lines"),
    (.lesson, "Opening words.", "```swift fragmnet\nx\n```", 10, "unknown word 'fragmnet' after ```swift"),
    (.lesson, "curve.\n:::", "curve.\n:::\n\n```swift\nlet x = 1", 58, "this code block is not closed"),
    (.lesson, "minutes: 12", "minutes: 12\ntopics: expiration", 5, "'topics:' is a list"),
    (.quiz, "lesson: why-caching", "lessen: why-caching", 2, "unknown front matter key 'lessen'"),
    (.quiz, "## pick-two", "## Pick Two", 26, "must be a slug"),
    (.quiz, "## pick-two", "## average-latency", 26, "already used on line 5"),
    (.quiz, "difficulty: hard", "difficulty: brutal", 27, "unknown difficulty 'brutal'"),
    (.quiz, "difficulty: easy", "level: easy", 6, "must be 'difficulty: easy'"),
    (.quiz, "[hint]\nThink servers.\n", "", 26, "needs a [hint] section"),
    (.quiz, "[steps]\n1. Add.", "[steps]\n", 5, "[steps] of question 'average-latency' is empty"),
    (.quiz, "- [ ] 10 ms\n", "- [ ] 10 ms\nstray text\n", 18, "expected another '- [ ] option'"),
    (.quiz, "- [x] 11 ms", "- [ ] 11 ms", 15, "no option is marked right"),
    (.quiz, "- [ ] 10 ms", "- [ ] 1 ms", 15, "two options have the same text"),
    (.quiz, "[mistakes]\nLocMem", "[errors]\nLocMem", 39, "unknown section [errors]"),
    (.quiz, "difficulty: hard", "difficulty: hard\ntopic:", 28, "'topic:' needs a value"),
    (.quiz, "difficulty: hard", "difficulty: hard\ntopic: a\ntopic: b", 29, "'topic:' is given twice"),
    (.exercise, "time-limit: 5", "time-limit: soon", 5, "time-limit is seconds from 1 to 120"),
    (.exercise, "time-limit: 5", "time-limit: 500", 5, "time-limit is seconds from 1 to 120"),
    (.exercise, "backends: memory, redis", "backends: memory, disk", 6, "unknown backend 'disk'"),
    (.exercise, "lesson: cache-aside", "level: hard", 4, "unknown front matter key 'level'"),
    (.exercise, "id: cache-aside-ttl", "id: Cache Aside", 2, "must be a slug"),
    (.exercise, "[hint]\nFirst hint.", "[answer]\nFirst hint.", 10, "unknown section [answer]"),
    (.exercise, "[hint]\nFirst hint.\n", "[hint]\n\n", 10, "this [hint] is empty"),
  ]

  @Test(arguments: breakages)
  func aBrokenFileIsRefusedNamingItsFileAndLine(
    kind: Kind, original: String, replacement: String, line: Int, message: String
  ) {
    let broken = kind.good.replacingFirst(original, with: replacement)
    #expect(broken != kind.good, "'\(original)' is in the good \(kind)")
    do {
      try kind.parse(broken)
      Issue.record("expected an error for \(replacement)")
    } catch {
      #expect(error.file == kind.file)
      #expect(error.line == line, "\(error)")
      #expect(error.message.contains(message), "\(error)")
    }
  }
}
