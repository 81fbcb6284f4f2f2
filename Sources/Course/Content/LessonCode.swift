import Foundation
import Grader

/// The Swift blocks of lessons, type-checked by the grader's SnippetCheck: each block with the course's
/// Lessons/prelude.swift and its lesson's prelude.swift, `exercisekit` blocks with ExerciseKit, `fragment`
/// blocks left alone. The preludes are checked first, so that a broken one is one error on its own line
/// rather than one on every block, and the blocks that need it are not checked. Failures of blocks come
/// back as content errors on the block's opening fence.
public enum LessonCode {
  public struct Report: Sendable {
    public var errors: [ContentError] = []
    /// Blocks compiled this run, found unchanged since they last passed, and left alone as fragments.
    public var compiled = 0
    public var cached = 0
    public var fragments = 0
  }

  /// The preludes a lesson's blocks are compiled with, those that exist: the course's, then the lesson's.
  public static func preludes(of entry: CourseContent.Entry) -> [String] {
    [entry.coursePreludeFile, entry.preludeFile].filter { FileManager.default.fileExists(atPath: $0) }
  }

  /// The snippets to check, and how many blocks are fragments.
  public static func snippets(
    _ lessons: [CourseContent.Entry]
  ) -> (snippets: [SnippetCheck.Snippet], fragments: Int) {
    var snippets: [SnippetCheck.Snippet] = []
    var fragments = 0
    for entry in lessons {
      let preludes = Self.preludes(of: entry)
      for block in entry.lesson.codeBlocks where block.language == "swift" {
        if block.attributes.contains("fragment") {
          fragments += 1
          continue
        }
        snippets.append(
          SnippetCheck.Snippet(
            file: entry.lessonFile, line: block.line + 1, code: block.code,
            imports: block.attributes.contains("exercisekit") ? ["ExerciseKit"] : [], preludes: preludes))
      }
    }
    return (snippets, fragments)
  }

  public static func check(_ lessons: [CourseContent.Entry], with checker: SnippetCheck) -> Report {
    let (errors, broken) = checkPreludes(lessons, with: checker)
    let (snippets, fragments) = Self.snippets(lessons)
    let result = checker.check(snippets.filter { broken.isDisjoint(with: $0.preludes) })
    return Report(
      errors: errors
        + result.failures.map { failure in
          ContentError(
            file: failure.snippet.file, line: failure.snippet.line - 1,
            message:
              "this Swift block does not compile (mark it ```swift fragment if it is partial on purpose):\n"
              + failure.message)
        },
      compiled: result.compiled, cached: result.cached, fragments: fragments)
  }

  /// Checks each prelude once, with the preludes compiled before it (the course's before a lesson's). A
  /// prelude that fails is one error on the line the compiler names; a lesson's prelude that fails only
  /// because the course's does is not reported again. Returns the errors and the preludes that failed.
  static func checkPreludes(
    _ lessons: [CourseContent.Entry], with checker: SnippetCheck
  ) -> (errors: [ContentError], broken: Set<String>) {
    var units: [[String]] = []
    for entry in lessons {
      let preludes = Self.preludes(of: entry)
      for end in preludes.indices where !units.contains(Array(preludes[...end])) {
        units.append(Array(preludes[...end]))
      }
    }
    let failures = checker.check(
      units.map { SnippetCheck.Snippet(file: $0[$0.count - 1], line: 1, code: "", preludes: $0) }
    ).failures
    let broken = Set(failures.map(\.snippet.file))
    let coursePreludes = Set(lessons.map(\.coursePreludeFile))
    let errors = failures.filter { broken.isDisjoint(with: $0.snippet.preludes.dropLast()) }.map { failure in
      let file = failure.snippet.file
      let what =
        coursePreludes.contains(file)
        ? "the course's prelude does not compile, so no lesson's Swift block was checked"
        : failure.snippet.preludes.count > 1
          ? "this prelude does not compile beside the course's prelude, so its lesson's Swift blocks were not checked"
          : "this prelude does not compile, so its lesson's Swift blocks were not checked"
      return ContentError(
        file: file, line: failure.errorLine(in: file) ?? 0, message: what + ":\n" + failure.message)
    }
    return (errors, broken)
  }
}
