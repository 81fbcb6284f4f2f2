import Foundation
import GradeProtocol
import Testing

@testable import Course
@testable import Grader

/// Lessons' Swift blocks through the grader's SnippetCheck: a block that compiles passes once and is remembered, a
/// broken one fails naming lesson.md and the line, fragments are left alone, and the prelude and
/// `exercisekit` reach the blocks that need them.
@Suite(.serialized) struct LessonCodeTests {
  let root = NSTemporaryDirectory() + "cachelings-lesson-code-\(UUID().uuidString)"

  func checker() throws -> SnippetCheck {
    let toolchain = try Toolchain.locate()
    try #require(
      FileManager.default.fileExists(atPath: toolchain.modules + "/CacheKit.swiftmodule"),
      "CacheKit's module is built beside the tests")
    return SnippetCheck(toolchain: toolchain, cacheFolder: root + "/cache")
  }

  /// A lesson holding body, with prelude.swift beside it when given.
  func entry(_ body: String, prelude: String? = nil) throws -> CourseContent.Entry {
    let folder = root + "/Lessons/01-code"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let text = "---\nid: code\ntitle: Code\nminutes: 1\nobjectives:\n  - Compile\n---\n\n" + body + "\n"
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/lesson.md"))
    if let prelude { try Data(prelude.utf8).write(to: URL(fileURLWithPath: folder + "/prelude.swift")) }
    let lesson = try LessonParser.parse(text, file: folder + "/lesson.md", number: 1, simulations: [])
    return CourseContent.Entry(folder: "01-code", lesson: lesson, quiz: nil, path: folder)
  }

  @Test func aBlockThatCompilesPassesOnceAndIsThenRemembered() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let lesson = try entry(
      """
      ```swift
      let cache = MemoryCache(name: "pages")
      try cache.set("headlines", ["a", "b"], timeout: 60)
      let headlines = try cache.get("headlines", as: [String].self)
      ```
      """)
    let first = LessonCode.check([lesson], with: try checker())
    #expect(first.errors.isEmpty, "\(first.errors)")
    #expect((first.compiled, first.cached) == (1, 0))
    let second = LessonCode.check([lesson], with: try checker())
    #expect((second.compiled, second.cached) == (0, 1), "an unchanged block is not compiled again")
  }

  @Test func aBrokenBlockFailsNamingTheLessonAndTheLine() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let lesson = try entry(
      """
      Some text.

      ```swift
      let cache = MemoryCache(name: "pages")
      try cache.sett("headlines", 1)
      ```
      """)
    let result = LessonCode.check([lesson], with: try checker())
    let error = try #require(result.errors.first)
    #expect(error.file == root + "/Lessons/01-code/lesson.md")
    #expect(error.line == 11, "the opening fence")
    #expect(error.message.contains("lesson.md:13:"), "the compiler's own line: \(error.message)")
    #expect(error.message.contains("sett"))
    let again = LessonCode.check([lesson], with: try checker())
    #expect(again.errors.count == 1, "a failing block is not remembered as passing")
  }

  @Test func fragmentsAreSkippedAndOtherLanguagesIgnored() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let lesson = try entry(
      """
      ```swift fragment
      if let cached = try cache.get(key) {
      ```

      ```python
      cache.set("k", 1)
      ```
      """)
    let result = LessonCode.check([lesson], with: try checker())
    #expect(result.errors.isEmpty)
    #expect((result.compiled, result.cached, result.fragments) == (0, 0, 1))
  }

  @Test func thePreludeAndExerciseKitReachTheBlocksThatNeedThem() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let prelude = """
      struct User: Sendable { var id: Int; var name: String }
      let someone = User(id: 7, name: "Ada")
      """
    let lesson = try entry(
      """
      ```swift
      let key = "greeting:\\(someone.id)"
      ```

      ```swift exercisekit
      let database = SlowDatabase()
      _ = database.queryCount
      ```
      """, prelude: prelude)
    let result = LessonCode.check([lesson], with: try checker())
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(result.compiled == 2)
    let withoutKit = try entry("```swift\nlet database = SlowDatabase()\n```")
    #expect(
      LessonCode.check([withoutKit], with: try checker()).errors.count == 1,
      "SlowDatabase needs `swift exercisekit`")
  }
}
