import Foundation
import Testing

@testable import Course

/// Each rule of the content standard, shown by a course that breaks it: the rule's error, with file and
/// line, and nothing from a course that keeps every rule.
@Suite struct ContentStandardTests {
  /// A lesson meeting the standard; each test breaks one part of it.
  static let lesson = """
    ---
    id: sample
    title: A sample lesson
    minutes: 5
    objectives:
      - Work out a hit ratio
    topics:
      - purpose-and-cost
      - expiration
    ---

    Opening words.

    ::: model
    A cache is a copy kept close.
    [analogy]
    A notepad by the phone.
    :::

    ## Numbers

    ::: predict
    Which?

    - [ ] one
    - [x] two

    [reveal]
    Two.
    :::

    ::: predict
    Which again?

    - [x] three
    - [ ] four

    [reveal]
    Three.
    :::

    \(SampleMyth.block)

    ::: pitfall A shared key
    [wrong]
    One key for everyone.
    [right]
    One key per user.
    [root cause]
    The key names no user.
    :::

    ::: takeaways
    - Every request pays the lookup.
    - Only misses pay the source.
    - Measure before you quote.
    :::

    """

  /// A question in quiz.md syntax; `right` is the index of the right option.
  static func question(
    _ id: String, _ difficulty: String, options: [String] = ["alpha one", "beta two", "gamma three"],
    right: Int = 0, extra: String = ""
  ) -> String {
    let list = options.enumerated().map { "- [\($0 == right ? "x" : " ")] \($1)" }.joined(separator: "\n")
    return """
      ## \(id)
      difficulty: \(difficulty)
      \(extra)
      A prompt for \(id)?

      \(list)

      [hint]
      A hint.
      [steps]
      Steps.
      [mistakes]
      Mistakes.

      """
  }

  static let difficulties = [
    "easy", "easy", "easy", "medium", "medium", "medium", "medium", "hard", "hard", "hard",
  ]

  /// Ten questions, 3 easy, 4 medium, 3 hard, whose right options are never the longest.
  static func quiz(prefix: String = "q", _ questions: [String]? = nil) -> String {
    let body = questions ?? Self.difficulties.enumerated().map { question("\(prefix)\($0)", $1) }
    return "---\nlesson: sample\n---\n\n" + body.joined(separator: "\n")
  }

  /// Writes a course into a temporary folder and reviews it.
  func review(
    lesson: String = Self.lesson, quiz: String = Self.quiz(), more: [String: String] = [:],
    readme: String? = nil
  ) throws -> (root: String, errors: [ContentError]) {
    let root = NSTemporaryDirectory() + "cachelings-standard-\(UUID().uuidString)"
    var files = [
      "Lessons/topics.md": "# Topics\n\n- purpose-and-cost: why cache\n- expiration: how long\n",
      "Lessons/01-sample/lesson.md": lesson, "Lessons/01-sample/quiz.md": quiz,
    ]
    files.merge(more) { $1 }
    for (path, text) in files {
      let full = root + "/" + path
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }
    let content = CourseContent.load(root: root)
    let markers = Coverage.begin + "\n" + Coverage.end
    let table = Coverage(content).updating(readme: "# Lessons\n\n" + markers + "\n")!
    try Data((readme ?? table).utf8).write(to: URL(fileURLWithPath: root + "/Lessons/README.md"))
    return (
      root, CourseContent.load(root: root).errors + ContentStandard.review(CourseContent.load(root: root))
    )
  }

  /// The one error the broken course produces, as `file:line: message` relative to the course folder.
  func only(_ result: (root: String, errors: [ContentError])) -> String {
    defer { try? FileManager.default.removeItem(atPath: result.root) }
    #expect(result.errors.count == 1, "\(result.errors)")
    return result.errors.first.map { $0.description.replacingOccurrences(of: result.root + "/", with: "") }
      ?? ""
  }

  /// Expects the one error of the broken course to contain text.
  func expectOnly(
    _ result: (root: String, errors: [ContentError]), _ text: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let error = only(result)
    #expect(error.contains(text), "got: \(error)", sourceLocation: sourceLocation)
  }

  func lesson(removing block: String) -> String {
    let start = Self.lesson.range(of: "::: \(block)")!
    let end = Self.lesson.range(of: ":::\n", range: start.upperBound..<Self.lesson.endIndex)!
    return Self.lesson.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
  }

  @Test func aLessonAndQuizThatKeepEveryRulePass() throws {
    let result = try review()
    defer { try? FileManager.default.removeItem(atPath: result.root) }
    #expect(result.errors.isEmpty, "\(result.errors)")
  }

  @Test func aLessonWithoutAModelFailsAtItsTop() throws {
    let error = only(try review(lesson: lesson(removing: "model")))
    #expect(error.hasPrefix("Lessons/01-sample/lesson.md:1: no '::: model' block"))
  }

  @Test func aLessonWithOnePredictFailsAtThatPredict() throws {
    let error = only(try review(lesson: lesson(removing: "predict")))
    #expect(
      error.hasPrefix("Lessons/01-sample/lesson.md:23: 1 predict block(s); every lesson has at least 2"))
  }

  @Test func aLessonWithoutAMythOrAPitfallFails() throws {
    expectOnly(try review(lesson: lesson(removing: "myth")), "lesson.md:1: no '::: myth' block")
    expectOnly(try review(lesson: lesson(removing: "pitfall")), "lesson.md:1: no '::: pitfall' block")
  }

  @Test func takeawaysAreRequiredLastAndThreeToSixShortLines() throws {
    expectOnly(try review(lesson: lesson(removing: "takeaways")), "lesson.md:1: no '::: takeaways'")
    let early = lesson(removing: "takeaways").replacingOccurrences(
      of: "## Numbers", with: "::: takeaways\n- a\n- b\n- c\n:::\n\n## Numbers")
    expectOnly(try review(lesson: early), "lesson.md:20: the takeaways block must be the last")
    let two = Self.lesson.replacingOccurrences(of: "- Measure before you quote.\n", with: "")
    expectOnly(try review(lesson: two), "lesson.md:61: 2 takeaways; a lesson ends on 3 to 6")
    let long = Self.lesson.replacingOccurrences(
      of: "- Measure before you quote.", with: "- " + String(repeating: "long words ", count: 12))
    expectOnly(try review(lesson: long), "lesson.md:61: the takeaway 'long words")
  }

  @Test func aTakeawaysBlockHoldsOnlyListItems() throws {
    let prose = Self.lesson.replacingOccurrences(
      of: "- Only misses pay the source.", with: "Only misses pay the source.")
    expectOnly(try review(lesson: prose), "lesson.md:63: a takeaways block holds only '- ' lines")
  }

  @Test func topicsMustComeFromTheVocabulary() throws {
    let lessonTopic = Self.lesson.replacingOccurrences(of: "  - expiration", with: "  - expiry")
    expectOnly(try review(lesson: lessonTopic), "lesson.md:9: 'expiry' is not a topic of Lessons/topics.md")
    let none = Self.lesson.replacingOccurrences(
      of: "topics:\n  - purpose-and-cost\n  - expiration\n", with: "")
    expectOnly(try review(lesson: none), "lesson.md:1: the front matter needs 'topics:'")
    var questions = (0..<10).map { Self.question("t\($0)", Self.difficulties[$0]) }
    questions[3] = Self.question("t3", "medium", extra: "topic: caching-stuff")
    questions[4] = Self.question("t4", "medium", extra: "topic: expiration")
    expectOnly(
      try review(quiz: Self.quiz(questions)), "quiz.md:53: question 't3': 'caching-stuff' is not a topic")
  }

  @Test func anExercisesTopicsMustComeFromTheVocabularyToo() throws {
    let exercise = """
      ---
      id: sample-exercise
      title: A sample exercise
      lesson: sample
      topics:
        - expiration
        - expiry-times
      ---
      The task.

      [hint]
      A hint.
      """
    var files = ["Exercises/01-sample/exercise.md": exercise]
    for name in ["starter", "checks", "solution"] { files["Exercises/01-sample/\(name).swift"] = "" }
    expectOnly(
      try review(more: files),
      "Exercises/01-sample/exercise.md:7: 'expiry-times' is not a topic of Lessons/topics.md")
  }

  @Test func aSwiftBlockWithAnUnknownWordInItsInfoStringIsAnError() throws {
    let code = Self.lesson.replacingOccurrences(
      of: "Opening words.", with: "```swift fragmnet\nlet x = 1\n```")
    expectOnly(try review(lesson: code), "lesson.md:12: unknown word 'fragmnet' after ```swift")
  }

  @Test func aQuizNeedsTenQuestionsWithEnoughOfEachDifficulty() throws {
    let nine = (0..<9).map { Self.question("n\($0)", ["easy", "medium", "hard"][$0 % 3]) }
    let error = only(try review(quiz: Self.quiz(nine)))
    #expect(
      error.hasPrefix(
        "Lessons/01-sample/quiz.md:1: 9 questions: 3 medium (at least 4); a quiz has at least 10"))
    let easy = (0..<12).map { Self.question("e\($0)", $0 < 10 ? "easy" : "hard") }
    expectOnly(try review(quiz: Self.quiz(easy)), "quiz.md:1: 12 questions: 0 medium (at least 4), 2 hard")
  }

  @Test func questionIDsAreUniqueAcrossTheCourse() throws {
    let second = Self.lesson.replacingOccurrences(of: "id: sample", with: "id: second")
    let quiz = Self.quiz(prefix: "z").replacingOccurrences(of: "lesson: sample", with: "lesson: second")
      .replacingOccurrences(of: "## z4", with: "## q4")
    let error = only(
      try review(more: ["Lessons/02-second/lesson.md": second, "Lessons/02-second/quiz.md": quiz]))
    #expect(error.hasPrefix("Lessons/02-second/quiz.md:69: the question id 'q4' is also used at "))
    #expect(error.hasSuffix("01-sample/quiz.md:69; ids are unique in the course"))
  }

  @Test func rightOptionsThatAreTheLongestInOverFortyPercentFailTheLengthLint() throws {
    let long = ["the right answer, longest of all", "short", "brief"]
    var questions = (0..<10).map { Self.question("l\($0)", Self.difficulties[$0]) }
    for index in 0..<5 {
      questions[index] = Self.question("l\(index)", index < 3 ? "easy" : "medium", options: long)
    }
    let error = only(try review(quiz: Self.quiz(questions)))
    #expect(
      error.contains("quiz.md:5: the right option is the longest one in 5 of 10 single-answer questions (50%")
    )
    #expect(error.contains("'l0' (line 5)"))
    // Four of ten is within the bar, and a question with a reason is left out of the count.
    questions[4] = Self.question(
      "l4", "medium", options: long, extra: "allow-longest: the rule needs its qualifier")
    let result = try review(quiz: Self.quiz(questions))
    defer { try? FileManager.default.removeItem(atPath: result.root) }
    #expect(result.errors.isEmpty, "\(result.errors)")
  }

  @Test func anOptionReadingAllOrNoneOfTheAboveIsAnError() throws {
    var questions = (0..<10).map { Self.question("a\($0)", Self.difficulties[$0]) }
    questions[8] = Self.question("a8", "hard", options: ["x one", "y two", "None of the above"], right: 1)
    expectOnly(
      try review(quiz: Self.quiz(questions)),
      "quiz.md:133: question 'a8' has an option reading \"none of the above\"")
  }

  @Test func aStaleCoverageTableInTheReadmeIsAnError() throws {
    let stale = "# Lessons\n\n\(Coverage.begin)\n| old |\n\(Coverage.end)\n"
    expectOnly(
      try review(readme: stale),
      "Lessons/README.md:3: the coverage table is out of date; run `cachelings dev coverage --write`")
  }

  @Test func coverageCountsLessonsQuestionsAndExercisesPerTopic() throws {
    var questions = (0..<10).map { Self.question("c\($0)", Self.difficulties[$0]) }
    questions[0] = Self.question("c0", "easy", extra: "topic: expiration")
    questions[5] = Self.question("c5", "medium", extra: "topic: expiration")
    let result = try review(quiz: Self.quiz(questions))
    defer { try? FileManager.default.removeItem(atPath: result.root) }
    let coverage = Coverage(CourseContent.load(root: result.root))
    #expect(
      coverage.rows == [
        Coverage.Row(topic: "purpose-and-cost", lessons: [1], questions: 0, exercises: []),
        Coverage.Row(topic: "expiration", lessons: [1], questions: 2, exercises: []),
      ])
    #expect(coverage.markdown.contains("| expiration | 1 | 2 | - |"))
  }
}
