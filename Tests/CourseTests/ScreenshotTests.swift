import Foundation
import TestSupport
import Testing

@testable import Course

/// Screenshots as text: learn, quiz, list, check and watch run in a pseudo-terminal of 60x24 and of
/// 100x32, and every row they showed is read back through a terminal emulator. The rule: no line wider
/// than the terminal (the terminal would wrap it wherever the edge fell, mid-word) and no line cut short
/// with an ellipsis.
@Suite(.serialized) struct ScreenshotTests {
  struct Size: Sendable, CustomTestStringConvertible {
    var columns: Int
    var rows: Int
    var testDescription: String { "\(columns)x\(rows)" }
  }

  static let sizes = [Size(columns: 60, rows: 24), Size(columns: 100, rows: 32)]

  let scratch = NSTemporaryDirectory() + "cachelings-screens-\(UUID().uuidString)"
  var workspace: String { scratch + "/workspace" }

  func environment(course: String) -> [String: String] {
    [
      "CACHELINGS_COURSE": course, "CACHELINGS_WORKSPACE": workspace, "TERM": "xterm-256color",
      "HOME": scratch, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
  }

  /// A course of the grader's fixture exercise alone, with the learner's file given.
  func fixtureCourse(solution: String) throws -> String {
    try FixtureCourse.make(course: scratch + "/course", workspace: workspace, solution: solution)
    return scratch + "/course"
  }

  /// Runs cachelings in a pseudo-terminal of size, lets drive type at it, and plays back what it drew.
  func capture(
    _ arguments: [String], size: Size, course: String, drive: (PseudoTerminal) -> Void = { _ in }
  ) throws -> ScreenEmulator {
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let terminal = try PseudoTerminal(
      executable: binary, arguments: arguments, environment: environment(course: course),
      columns: UInt16(size.columns), rows: UInt16(size.rows))
    drive(terminal)
    #expect(terminal.wait(timeout: 60) >= 0, "\(arguments) ended")
    var screen = ScreenEmulator(columns: size.columns, rows: size.rows)
    screen.play(terminal.output)
    return screen
  }

  /// Answers whatever the screen asks, by the last key line it shows, until the program ends: the first
  /// choice of a prediction or question, true for a myth, space at the pager's "more", next page, and at
  /// the end of the lesson finish rather than take the quiz. The prompts are the screens' key lines
  /// (LearnSession, ScreenPager, QuestionAsker); one not known here costs a 5 s wait and an enter.
  func answerEverything(_ terminal: PseudoTerminal) {
    let prompts = [
      "your prediction:": "a", "t true": "t", "h hint": "a", "any key": " ", "space or enter more": " ",
      "t take the quiz now": "q", "n or enter next": "n",
    ]
    var offset = 0
    for _ in 0..<400 {
      // A long wait before a blind enter: on a loaded machine a screen can take seconds to draw, and an
      // enter sent early is read by a later prompt.
      guard terminal.waitFor(Array(prompts.keys), after: offset, timeout: 20) != nil else {
        if !terminal.isRunning { return }
        terminal.send("\r")
        continue
      }
      let seen = String(terminal.text.dropFirst(offset))
      offset = terminal.text.count
      // The prompt shown last, among those shown: one at the very start of what is new must not tie
      // with the prompts that are absent (a tie picked a key at random, q among them).
      let shown = prompts.keys.compactMap { prompt in
        seen.range(of: prompt, options: .backwards).map { (prompt: prompt, at: $0.lowerBound) }
      }
      let last = shown.max { $0.at < $1.at }!.prompt
      terminal.send(prompts[last]!)
      if last == "h hint" && seen.contains("toggle") { terminal.send("\r") }
    }
  }

  /// The rule, each breach recorded with the row as it was shown.
  func expectFits(_ screen: ScreenEmulator, _ what: String, _ size: Size) {
    #expect(!screen.transcript.joined().isEmpty, "\(what) drew something")
    for row in screen.overflows {
      Issue.record("\(what) at \(size.testDescription): a line wider than the terminal wrapped after: \(row)")
    }
    for row in screen.transcript where Self.isCut(row) {
      Issue.record("\(what) at \(size.testDescription): a line cut short: \(row)")
    }
  }

  /// Whether a row shows text cut short: an ellipsis right after a letter ("the que…"), or one that ends
  /// the row or a padded cell ("runs …  ✓"). "… and 3 more" stands for lines left out, not a cut.
  static func isCut(_ row: String) -> Bool {
    var rest = Substring(row)
    while let mark = rest.firstIndex(of: "…") {
      let after = rest[rest.index(after: mark)...]
      let glued = mark > row.startIndex && row[row.index(before: mark)] != " "
      if glued || after.isEmpty || after.hasPrefix("  ") { return true }
      rest = after
    }
    return false
  }

  /// A command whose screens are checked, the text that shows it ran, and where it runs.
  struct Command: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var arguments: [String]
    var shows: String
    /// Whether it runs on the grader's fixture exercise with its wrong solution, not on the course.
    var onTheFixture = false
    /// Whether `answerEverything` types at it until it ends; otherwise it ends by itself.
    var answered = false
  }

  static let commands = [
    // The first screen a new learner sees.
    Command(testDescription: "cachelings", arguments: [], shows: "Welcome to cachelings"),
    Command(testDescription: "list", arguments: ["list"], shows: "Why caching matters"),
    Command(
      testDescription: "quiz 1", arguments: ["quiz", "1", "--seed", "7"], shows: "Your score", answered: true),
    Command(
      testDescription: "check 1", arguments: ["check", "1"], shows: "reads back what it stored",
      onTheFixture: true),
    // The course's first exercise, whose check names are long: the grade matrix must not cut them.
    Command(
      testDescription: "check 1 of the course", arguments: ["check", "1", "--backend", "memory,file"],
      shows: "Exercise 1"),
  ]

  @Test(arguments: sizes, commands)
  func screens(size: Size, command: Command) throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let course = try command.onTheFixture ? fixtureCourse(solution: "wrong") : EndToEndTests.courseRoot
    let screen = try capture(
      command.arguments, size: size, course: course, drive: command.answered ? answerEverything : { _ in })
    #expect(screen.transcript.contains { $0.contains(command.shows) })
    expectFits(screen, command.testDescription, size)
  }

  @Test(arguments: sizes, lessons)
  func learn(size: Size, lesson: Int) throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let screen = try capture(
      ["learn", "\(lesson)"], size: size, course: EndToEndTests.courseRoot, drive: answerEverything)
    #expect(screen.transcript.contains { $0.contains("Lesson \(lesson):") })
    let progress = ProgressStore(path: workspace + "/progress.json").load().progress
    #expect(
      progress.lessons.values.contains { $0.completed },
      "every screen of lesson \(lesson) was shown; the last rows: \(screen.transcript.suffix(12))")
    expectFits(screen, "learn \(lesson)", size)
  }

  /// Every lesson of the course, by the numbers of its folders.
  static let lessons: [Int] = {
    let folders =
      (try? FileManager.default.contentsOfDirectory(atPath: EndToEndTests.courseRoot + "/Lessons")) ?? []
    return folders.compactMap { Int($0.prefix { $0.isNumber }) }.sorted()
  }()

  @Test(arguments: sizes)
  func watch(size: Size) throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let course = try fixtureCourse(solution: "wrong")
    let screen = try capture(["watch", "1"], size: size, course: course) { terminal in
      #expect(terminal.waitFor(["reads back what it stored"], timeout: 60) != nil)
      // Each of watch's keys draws its own screen: the hint, the task, the full report, the list.
      for key in ["h", "t", "f", "l"] {
        let offset = terminal.text.count
        terminal.send(key)
        _ = terminal.waitFor(["q or esc quit"], after: offset, timeout: 10)
      }
      terminal.send("q")
    }
    expectFits(screen, "watch 1", size)
  }
}

/// The emulator and the cut rule the screenshots rely on, on made-up output.
struct ScreenEmulatorTests {
  @Test func aLineWiderThanTheScreenIsCaughtAndOneThatFitsIsNot() {
    var screen = ScreenEmulator(columns: 10, rows: 3)
    screen.play(Array("0123456789\r\nfits\r\n0123456789X\r\n".utf8))
    #expect(screen.overflows == ["0123456789"])
    #expect(screen.transcript.filter { !$0.isEmpty } == ["0123456789", "fits", "0123456789", "X"])
  }

  @Test func cursorMovesAndErasesRedrawInPlace() {
    var screen = ScreenEmulator(columns: 20, rows: 4)
    screen.play(Array("first\r\nsecond\u{1B}[2J\u{1B}[Hnew top\u{1B}[3;5Hthere\u{1B}[1;4H\u{1B}[K".utf8))
    #expect(screen.screen == ["new", "", "    there", ""])
    #expect(screen.history == ["first", "second"])
    #expect(screen.overflows.isEmpty)
  }

  @Test func anEllipsisGluedToAWordOrEndingACellIsACut() {
    #expect(ScreenshotTests.isCut("  the copy lives 60 seconds, then the que…  ✗"))
    #expect(ScreenshotTests.isCut("  the first call runs the query once and …  ✓"))
    #expect(ScreenshotTests.isCut("  func topPosts(cache: any Cache) t…"))
    #expect(!ScreenshotTests.isCut("… and 3 more; fix these first."))
    #expect(!ScreenshotTests.isCut("  … 12 more lines from the compiler"))
  }
}
