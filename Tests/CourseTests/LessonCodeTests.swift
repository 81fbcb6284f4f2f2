import Foundation
import GradeProtocol
import Testing

@testable import Course
@testable import Grader

/// Lessons' Swift blocks through the grader's SnippetCheck: a block that compiles passes once and is remembered, a
/// broken one fails naming lesson.md and the line, fragments are left alone, the course's and the lesson's
/// preludes and `exercisekit` reach the blocks that need them, and a broken prelude is one error naming its
/// own file and line.
@Suite(.serialized) struct LessonCodeTests {
  let root = NSTemporaryDirectory() + "cachelings-lesson-code-\(UUID().uuidString)"

  func checker() throws -> SnippetCheck {
    let toolchain = try Toolchain.locate()
    try #require(
      FileManager.default.fileExists(atPath: toolchain.modules + "/CacheKit.swiftmodule"),
      "CacheKit's module is built beside the tests")
    return SnippetCheck(toolchain: toolchain, cacheFolder: root + "/cache")
  }

  /// The course's prelude, Lessons/prelude.swift.
  var coursePrelude: String { root + "/Lessons/prelude.swift" }

  /// A lesson holding body, with prelude.swift beside it when given, and the course's prelude when given.
  func entry(
    _ body: String, prelude: String? = nil, coursePrelude course: String? = nil,
    folder name: String = "01-code"
  ) throws -> CourseContent.Entry {
    let folder = root + "/Lessons/" + name
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let text = "---\nid: code\ntitle: Code\nminutes: 1\nobjectives:\n  - Compile\n---\n\n" + body + "\n"
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/lesson.md"))
    if let prelude { try Data(prelude.utf8).write(to: URL(fileURLWithPath: folder + "/prelude.swift")) }
    if let course { try Data(course.utf8).write(to: URL(fileURLWithPath: coursePrelude)) }
    let lesson = try LessonParser.parse(text, file: folder + "/lesson.md", number: 1, simulations: [])
    return CourseContent.Entry(folder: name, lesson: lesson, quiz: nil, path: folder)
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

  @Test func theCoursePreludeReachesEveryLessonBesideTheLessonsOwn() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let course = """
      struct Product: Codable, Sendable { var id: Int; var priceCents: Int }
      """
    let first = try entry(
      "```swift\nlet price = database.loadProduct(7).priceCents\n```",
      prelude:
        "final class Database: Sendable { func loadProduct(_ id: Int) -> Product { Product(id: id, priceCents: 900) } }\nlet database = Database()",
      coursePrelude: course)
    let second = try entry("```swift\nlet mug = Product(id: 7, priceCents: 900)\n```", folder: "02-other")
    let result = LessonCode.check([first, second], with: try checker())
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect((result.compiled, result.cached) == (2, 0), "the preludes' own checks are not counted as blocks")
    let content = CourseContent.load(root: root)
    #expect(content.lessons.map(\.folder) == ["01-code", "02-other"])
    #expect(
      !content.errors.contains { $0.file.hasSuffix("prelude.swift") },
      "the course's prelude is not read as a lesson folder: \(content.errors)")
  }

  @Test func aBrokenCoursePreludeIsOneErrorNamingItsFileAndLine() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let course = """
      struct Product: Codable, Sendable { var id: Int; var priceCents: Int }

      let mug = Product(id: 7, priceCents: "nine hundred")
      """
    let first = try entry(
      "```swift\nlet a = mug.id\n```\n\n```swift\nlet b = mug.priceCents\n```", prelude: "let database = 1",
      coursePrelude: course)
    let second = try entry("```swift\nlet c = mug.id\n```", folder: "02-other")
    let result = LessonCode.check([first, second], with: try checker())
    #expect(result.errors.count == 1, "one error, not one a block or a lesson: \(result.errors)")
    let error = try #require(result.errors.first)
    #expect(error.file == coursePrelude)
    #expect(error.line == 3, "the line the compiler names: \(error.message)")
    #expect(
      error.message.hasPrefix("the course's prelude does not compile, so no lesson's Swift block was checked")
    )
    #expect(error.message.contains("prelude.swift:3:"), "the compiler's own words: \(error.message)")
    #expect((result.compiled, result.cached) == (0, 0), "no block is checked behind a broken prelude")
  }

  @Test func aBrokenLessonPreludeIsOneErrorOnItsLineAndStopsOnlyItsLesson() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let first = try entry(
      "```swift\nlet a = database\n```\n\n```swift\nlet b = database\n```",
      prelude: "// The lesson's data layer.\nlet database: Int = \"one\"", coursePrelude: "let shared = 1")
    let second = try entry("```swift\nlet c = shared\n```", folder: "02-other")
    let result = LessonCode.check([first, second], with: try checker())
    #expect(result.errors.count == 1, "\(result.errors)")
    let error = try #require(result.errors.first)
    #expect(error.file == first.preludeFile)
    #expect(error.line == 2, "\(error.message)")
    #expect(
      error.message.hasPrefix("this prelude does not compile beside the course's prelude"), "\(error.message)"
    )
    #expect((result.compiled, result.cached) == (1, 0), "the other lesson's block is still checked")
  }

  @Test func aLessonPreludeThatRedeclaresTheCoursesIsAnErrorOnTheLessonsPrelude() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let lesson = try entry(
      "```swift\nlet a = Product(id: 7)\n```", prelude: "struct Product { var id: Int }",
      coursePrelude: "struct Product { var id: Int; var priceCents: Int }")
    let result = LessonCode.check([lesson], with: try checker())
    #expect(result.errors.count == 1, "\(result.errors)")
    let error = try #require(result.errors.first)
    #expect(error.file == lesson.preludeFile)
    #expect(error.message.contains("redeclaration"), "\(error.message)")
    #expect(result.compiled == 0)
  }
}
