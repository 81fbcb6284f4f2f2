import Foundation
import TestSupport
import Testing

@testable import Course

/// The learner's-terminal bugs of issue 20 that unit tests covered, each seen again through the real
/// binary in a pseudo-terminal: backticks in quiz options and the score, the home screen's next step
/// after a failed quiz, the grade matrix and compiler errors at 60 columns, numbers kept with their
/// units, and the lab chart's axes.
@Suite(.serialized) struct TerminalBugTests {
  let scratch = NSTemporaryDirectory() + "cachelings-bugs-\(UUID().uuidString)"
  var workspace: String { scratch + "/workspace" }

  func environment(course: String = EndToEndTests.courseRoot) -> [String: String] {
    var environment = LearnerEnvironment.make(workspace: workspace)
    environment["CACHELINGS_COURSE"] = course
    return environment
  }

  /// Runs cachelings in a pseudo-terminal of the given size, lets drive type at it, waits for it to end
  /// and plays back what it drew.
  func capture(
    _ arguments: [String], columns: Int = 100, rows: Int = 32, course: String = EndToEndTests.courseRoot,
    drive: (PseudoTerminal) -> Void = { _ in }
  ) throws -> (session: PseudoTerminal, screen: ScreenEmulator) {
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let session = try PseudoTerminal(
      executable: binary, arguments: arguments, environment: environment(course: course),
      columns: UInt16(columns), rows: UInt16(rows))
    drive(session)
    #expect(session.wait(timeout: 60) >= 0, "\(arguments) ended")
    var screen = ScreenEmulator(columns: columns, rows: rows)
    screen.play(session.output)
    return (session, screen)
  }

  func collapsed(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }

  // MARK: 1. Inline code in quiz options and the score screen

  @Test func quizOptionsAndTheScoreShowInlineCodeWithoutBackticksInColour() throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let entry = try #require(CourseContent.load(root: EndToEndTests.courseRoot).lesson(named: "1"))
    let quiz = try #require(entry.quiz)
    let attempt = QuizAttempt(quiz: quiz, seed: 11)
    let coded = attempt.questions.flatMap(\.options).filter { $0.contains("`") }
    try #require(!coded.isEmpty, "lesson 1's quiz has options with inline code")
    let (session, _) = try capture(["quiz", "1", "--seed", "11"], rows: 60) { session in
      var offset = 0
      for (index, shown) in attempt.questions.enumerated() {
        guard session.waitFor(["question \(index + 1) of"], after: offset) != nil else { return }
        offset = session.text.count
        let wrong = shown.options.indices.first { !shown.rightPositions.contains($0) } ?? 0
        session.send(Letters.letter(wrong).lowercased() + (shown.question.isMultipleAnswer ? "\r" : ""))
        // Long feedback is paged: space at each "more" until the next question's key.
        while let seen = session.waitFor(["any key", "space or enter more"], after: offset) {
          offset = session.text.count
          session.send(" ")
          if seen == "any key" { break }
        }
      }
      while session.waitFor(["space or enter more"], after: offset, timeout: 5) != nil {
        offset = session.text.count
        session.send(" ")
      }
    }
    let text = session.text
    #expect(text.contains("Your score"))
    #expect(!text.contains("`"), "no raw backticks in options, answers or the score")
    for option in coded {
      let shown = collapsed(option.replacingOccurrences(of: "`", with: ""))
      #expect(collapsed(text).contains(shown), "the option's code is shown, painted: \(shown)")
    }
  }

  // MARK: 2. The home screen's next step

  /// Progress of lesson 1 read and its quiz failed (every answer wrong), as the home screen reads it.
  func failedQuizProgress(reviewedSince: Bool) throws -> CourseProgress {
    let entry = try #require(CourseContent.load(root: EndToEndTests.courseRoot).lesson(named: "1"))
    let quiz = try #require(entry.quiz)
    let now = Date().timeIntervalSince1970
    var progress = CourseProgress()
    progress.lessons[entry.lesson.id, default: .init()].completed = true
    let answers = quiz.questions.map { question in
      let wrong = question.options.indices.first { !question.correct.contains($0) } ?? 0
      return GradedAttempt.answer(question, chosen: [wrong], usedHint: false)
    }
    progress.record(GradedAttempt(lesson: entry.lesson.id, seed: 1, finishedAt: now - 120, answers: answers))
    if reviewedSince {
      for key in progress.cards.keys {
        progress.cards[key]?.record(correct: true, usedHint: false, at: now - 60)
      }
    }
    return progress
  }

  @Test func homeAfterAFailedQuizSaysToTakeItAgainAndToReviewWhatIsDue() throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
    let store = ProgressStore(path: workspace + "/progress.json")

    try store.save(failedQuizProgress(reviewedSince: false))
    let due = try capture([]).session.text
    #expect(
      collapsed(due).contains("Review ") && collapsed(due).contains("that are due"),
      "missed questions are due first: \(due)")
    #expect(due.contains("cachelings review"))

    try store.save(failedQuizProgress(reviewedSince: true))
    let failed = collapsed(try capture([]).session.text)
    #expect(failed.contains("Take the quiz of lesson 1 again (best 0%"), "\(failed)")
    #expect(failed.contains("cachelings quiz 1"))
    #expect(!failed.contains("Read lesson 2"), "a failed quiz comes before the next lesson")
  }
}

extension TerminalBugTests {
  // MARK: 5. Numbers stay with their units

  /// Units that read wrong alone at the start of a line, apart from their number.
  static let units: Set<String> = [
    "s", "ms", "µs", "ns", "min", "h", "B", "KB", "MB", "GB", "%", "queries/s", "reads/s",
  ]

  /// A row's text inside the lab's box, without the frame, the bullet or surrounding blanks.
  static func inside(_ row: String) -> String {
    row.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")).trimmingCharacters(
      in: CharacterSet(charactersIn: "• "))
  }

  @Test(arguments: ["hit-ratio-latency", "cache-aside-queries", "stampede"])
  func atSixtyColumnsNoNumberIsLeftAtALineEndWithoutItsUnit(lab: String) throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let (session, screen) = try capture(["lab", lab], columns: 60, rows: 24)
    #expect(session.wait() == 0)
    let rows = screen.transcript.map(Self.inside)
    #expect(rows.contains { $0.contains(" ms") || $0.contains(" s") || $0.contains("%") }, "\(rows)")
    for (above, row) in zip(rows, rows.dropFirst()) {
      guard above.last?.isNumber == true, let first = row.split(separator: " ").first else { continue }
      let bare = String(first.reversed().drop { ",.;:)".contains($0) }.reversed())
      #expect(!Self.units.contains(bare), "'\(above)' is cut from its unit on the next row: '\(row)'")
    }
  }

  // MARK: 6. The lab chart's axes

  /// Whether step is a round number: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten.
  static func isRound(_ step: Double) -> Bool {
    let power = pow(10, log10(step).rounded(.down))
    return [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].contains { abs(step / power - $0) < 0.000_1 }
  }

  @Test(arguments: ["ttl-staleness", "stampede", "hit-ratio-latency"])
  func theChartsYLabelsAreRoundAndItsXAxisHasLabelledTicks(lab: String) throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let (session, screen) = try capture(["lab", lab], columns: 100, rows: 32)
    #expect(session.wait() == 0)
    let rows = screen.transcript
    let labels = rows.filter { $0.contains("┤") }.compactMap { row -> Double? in
      let label = row.prefix { $0 != "┤" }.trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
      return Double(label.replacingOccurrences(of: ",", with: ""))
    }
    try #require(labels.count >= 2, "the chart labels its y axis: \(rows.joined(separator: "\n"))")
    let values = labels.sorted()
    let step = values[1] - values[0]
    #expect(step > 0 && Self.isRound(step), "y labels \(labels) are a round step apart")
    for value in values {
      #expect(abs(value / step - (value / step).rounded()) < 0.000_1, "\(value) is a multiple of \(step)")
    }
    #expect(zip(values, values.dropFirst()).allSatisfy { abs($1 - $0 - step) < step * 0.000_1 }, "\(values)")
    let axis = try #require(rows.firstIndex { $0.contains("└") }, "the chart has an x axis")
    #expect(rows[axis].filter { $0 == "┬" }.count >= 3, "the x axis has ticks: \(rows[axis])")
    let tickLabels = rows[axis + 1].split(separator: " ").filter { Double(Self.inside(String($0))) != nil }
    #expect(tickLabels.count >= 3, "the ticks are labelled: \(rows[axis + 1])")
  }
}
