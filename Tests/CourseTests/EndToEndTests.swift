import Foundation
import TestSupport
import Testing

@testable import Course

/// Drives the real `cachelings` binary: through a pseudo-terminal as a learner would, and through pipes.
@Suite(.serialized) struct EndToEndTests {
  static let courseRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = (path as NSString).deletingLastPathComponent }
    return path
  }()

  let workspace = NSTemporaryDirectory() + "cachelings-e2e-\(UUID().uuidString)"

  var environment: [String: String] {
    [
      "CACHELINGS_COURSE": Self.courseRoot, "CACHELINGS_WORKSPACE": workspace, "TERM": "xterm-256color",
      "HOME": workspace, "PATH": "/usr/bin:/bin",
    ]
  }

  func binary() throws -> String {
    try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
  }

  /// Runs the binary with pipes for input and output; returns status, standard output and standard error.
  func run(_ arguments: [String], extra: [String: String] = [:]) throws -> (Int32, String, String) {
    try ProgramRun.run(try binary(), arguments, environment: environment.merging(extra) { $1 })
  }

  @Test func aLearnerReadsLessonOneAnswersItsPredictionsAndTakesTheQuiz() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let lesson = try LessonParser.parse(
      String(contentsOfFile: Self.courseRoot + "/Lessons/01-why-caching/lesson.md", encoding: .utf8),
      file: "lesson.md", number: 1, simulations: Set(Simulations.all.map(\.name)))
    let blocks = lesson.pages.flatMap(\.parts).filter {
      switch $0 {
      case .predict, .myth: return true
      default: return false
      }
    }.count

    let terminal = try PseudoTerminal(
      executable: try binary(), arguments: ["learn", "1"], environment: environment)
    let prompts = [
      "your prediction:", "t true", "n or enter next", "t take the quiz now", "h hint", "any key",
      "space or enter more",
    ]
    var offset = 0
    var steps = 0
    var questions = 0
    while steps < 400 {
      steps += 1
      guard terminal.waitFor(prompts, after: offset) != nil else { break }
      let seen = String(terminal.text.dropFirst(offset))
      // The prompt shown last, among those shown (one at the very start of what is new must not tie
      // with the absent ones).
      let pending = prompts.compactMap { prompt in
        seen.range(of: prompt, options: .backwards).map { (prompt: prompt, at: $0.lowerBound) }
      }.max { $0.at < $1.at }!.prompt
      offset = terminal.text.count
      switch pending {
      case "your prediction:": terminal.send("a")
      case "t true": terminal.send("t")
      case "n or enter next": terminal.send("n")
      case "t take the quiz now": terminal.send("t")
      case "h hint":
        questions += 1
        terminal.send(seen.contains("toggle") ? "a\r" : "a")
      default: terminal.send(" ")
      }
    }
    #expect(terminal.wait() == 0)
    let screens = terminal.text
    #expect(screens.contains("Lesson 1: Why caching matters"))
    #expect(screens.contains("Your score"), "the quiz ended with a score")

    let progress = ProgressStore(path: workspace + "/progress.json").load()
    #expect(progress.notice == nil)
    let state = try #require(progress.progress.lessons["why-caching"])
    #expect(state.completed && state.answers.count == blocks)
    let attempt = try #require(progress.progress.attempts["why-caching"]?.first)
    #expect(attempt.answers.count == questions && questions >= 10)
    #expect(progress.progress.cards.count == questions)

    let (status, summary, _) = try run(["progress"])
    #expect(status == 0)
    #expect(summary.contains("quiz attempts: 1"))
    #expect(summary.contains("lessons read"))
    let (_, list, _) = try run(["list"])
    #expect(list.contains("✓ read"))
    // Each lesson names the exercises that practise it.
    let content = CourseContent.load(root: Self.courseRoot)
    for entry in content.lessons {
      let numbers = content.exercises.filter { $0.lesson == entry.lesson.id }.map {
        $0.number < 10 ? "0\($0.number)" : "\($0.number)"
      }
      guard !numbers.isEmpty else { continue }
      #expect(list.contains("exercises: " + numbers.joined(separator: ", ")), "\(entry.folder)")
    }
    let (_, greeting, _) = try run([])
    #expect(greeting.contains("Welcome back.") && greeting.contains("Last time you were in lesson 1"))
  }

  @Test func theWholeLessonPipesAsCleanText() throws {
    let (status, text, errors) = try run(["learn", "1"], extra: ["NO_COLOR": "1"])
    #expect(status == 0 && errors.isEmpty)
    #expect(!text.contains("\u{1B}"), "no escape codes in a pipe")
    #expect(text.hasPrefix("Lesson 1: Why caching matters"))
    #expect(text.contains("The answer: "), "predictions are revealed")
  }

  @Test func quizAnswersNonInteractivelyAndPrintsJSON() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let quiz = try QuizParser.parse(
      String(contentsOfFile: Self.courseRoot + "/Lessons/01-why-caching/quiz.md", encoding: .utf8),
      file: "quiz.md")
    let right = quiz.questions.map { $0.correct.map(Letters.letter).joined(separator: "+") }.joined(
      separator: ",")
    let (status, json, _) = try run(["quiz", "1", "--answers", right, "--json", "--seed", "4"])
    #expect(status == 0)
    let attempt = try JSONDecoder().decode(GradedAttempt.self, from: Data(json.utf8))
    #expect(attempt.passed && attempt.score.correct == quiz.questions.count && attempt.seed == 4)
    let (_, text, _) = try run([
      "quiz", "why-caching", "--answers", String(repeating: "A,", count: quiz.questions.count - 1) + "A",
    ])
    #expect(text.contains("Your score"))
    let (bad, _, message) = try run(["quiz", "1", "--answers", "A"])
    #expect(
      bad == 2
        && message.contains("--answers has 1 answer but the quiz has \(quiz.questions.count) questions"))
  }

  @Test func mistakesExitWithStatusTwoAndSuggest() throws {
    let (status, _, message) = try run(["learn", "why-cahing"])
    #expect(status == 2 && message.contains("did you mean 'why-caching'"))
    let (port, _, portUsage) = try run(["serve", "redis", "--port", "nope"])
    #expect(
      port == 2 && portUsage.contains("--port takes a number from 0 to 65535")
        && portUsage.contains("Usage: cachelings serve redis"))
    let (server, _, serverUsage) = try run(["serve", "memcached", "--thread", "2"])
    #expect(server == 2 && serverUsage.contains("unknown option '--thread' (did you mean '--threads'?)"))
    let (option, _, usage) = try run(["quiz", "--sed", "1"])
    #expect(
      option == 2 && usage.contains("unknown option '--sed' (did you mean '--seed'?)")
        && usage.contains("Usage: cachelings quiz"))
    for command in [
      ["learn"], ["quiz"], ["review"], ["list"], ["progress"], ["dev", "check"], ["dev", "coverage"],
      ["dev", "labs"], ["serve", "redis"],
    ] {
      let (help, text, _) = try run(command + ["--help"])
      #expect(help == 0 && text.contains("Usage: cachelings \(command.joined(separator: " "))"), "\(command)")
    }
  }

  @Test func aDamagedProgressFileIsSetAsideWithAMessage() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
    try "{ broken".write(toFile: workspace + "/progress.json", atomically: false, encoding: .utf8)
    let (status, text, message) = try run([])
    #expect(status == 0 && text.contains("Welcome to cachelings!"))
    #expect(message.contains("could not be read") && message.contains("moved to"))
    let files = try FileManager.default.contentsOfDirectory(atPath: workspace)
    #expect(files.contains { $0.hasPrefix("progress.json.damaged-") })
  }
}
