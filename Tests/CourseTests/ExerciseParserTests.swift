import Foundation
import GradeProtocol
import Testing

@testable import Course

@Suite struct ExerciseParserTests {
  static let good = """
    ---
    id: cache-aside-ttl
    title: Cache-aside with a timeout
    lesson: cache-aside
    time-limit: 5
    backends: memory, redis
    ---
    Write `topPosts(cache:database:)`.

    [hint]
    First hint.

    [hint]
    Second hint,
    on two lines.
    """

  func parse(_ text: String) throws(ContentError) -> Exercise {
    try ExerciseParser.parse(
      text, file: "exercise.md", number: 1, folder: "/course/Exercises/01-cache-aside-ttl")
  }

  func error(_ text: String) -> ContentError? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func readsTheFrontMatterTheTaskAndTheHintsInOrder() throws {
    let exercise = try parse(Self.good)
    #expect(exercise.id == "cache-aside-ttl" && exercise.title == "Cache-aside with a timeout")
    #expect(exercise.lesson == "cache-aside" && exercise.lessonLine == 4)
    #expect(exercise.timeLimit == 5)
    #expect(exercise.backends == [.memory, .redis])
    #expect(exercise.task == "Write `topPosts(cache:database:)`.")
    #expect(exercise.hints == ["First hint.", "Second hint,\non two lines."])
    #expect(exercise.workspaceFileName == "01-cache-aside-ttl.swift")
    #expect(exercise.checksPath == "/course/Exercises/01-cache-aside-ttl/checks.swift")
  }

  @Test func defaultsToTenSecondsOnEveryBackend() throws {
    let exercise = try parse(
      Self.good.replacingOccurrences(of: "time-limit: 5\n", with: "").replacingOccurrences(
        of: "backends: memory, redis\n", with: ""))
    #expect(exercise.timeLimit == 10)
    #expect(exercise.backends == Backend.allCases)
  }

  @Test func anExerciseNeedsATaskAndAHint() throws {
    let noHints = String(Self.good.prefix { $0 != "[" })
    #expect(error(noHints)?.message.contains("at least one [hint]") == true)
    let noTask = Self.good.replacingOccurrences(of: "Write `topPosts(cache:database:)`.\n", with: "")
    #expect(error(noTask)?.message.contains("task text") == true)
  }

  @Test func theCourseNamesMissingFilesAndUnknownLessons() throws {
    let root = NSTemporaryDirectory() + "cachelings-exercise-content-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: root) }
    let folder = root + "/Exercises/01-cache-aside-ttl"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/Lessons", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: root + "/Exercises/cache", withIntermediateDirectories: true)
    try Self.good.write(toFile: folder + "/exercise.md", atomically: true, encoding: .utf8)
    try "".write(toFile: folder + "/starter.swift", atomically: true, encoding: .utf8)
    let content = CourseContent.load(root: root)
    let messages = content.errors.map(\.description)
    #expect(messages.contains { $0.hasSuffix("checks.swift: every exercise needs this file") })
    #expect(messages.contains { $0.hasSuffix("solution.swift: every exercise needs this file") })
    #expect(messages.contains { $0.contains("exercise.md:4: the lesson 'cache-aside' does not exist") })
    #expect(messages.contains { $0.contains("Exercises/cache: exercise folders are named NN-slug") })
    #expect(content.exercise(named: "1")?.id == "cache-aside-ttl")
    #expect(
      content.exercise(named: "cache-aside-ttl") != nil
        && content.exercise(named: "01-cache-aside-ttl") != nil)
  }
}
