import Foundation
import Grader

/// The Swift blocks of lessons, type-checked by the grader's SnippetCheck: each block with its lesson's
/// prelude.swift, `exercisekit` blocks with ExerciseKit, `fragment` blocks left alone. Failures come back
/// as content errors on the block's opening fence.
public enum LessonCode {
  public struct Report: Sendable {
    public var errors: [ContentError] = []
    /// Blocks compiled this run, found unchanged since they last passed, and left alone as fragments.
    public var compiled = 0
    public var cached = 0
    public var fragments = 0
  }

  /// The snippets to check, and how many blocks are fragments.
  public static func snippets(
    _ lessons: [CourseContent.Entry]
  ) -> (snippets: [SnippetCheck.Snippet], fragments: Int) {
    var snippets: [SnippetCheck.Snippet] = []
    var fragments = 0
    for entry in lessons {
      let prelude = FileManager.default.fileExists(atPath: entry.preludeFile) ? entry.preludeFile : nil
      for block in entry.lesson.codeBlocks where block.language == "swift" {
        if block.attributes.contains("fragment") {
          fragments += 1
          continue
        }
        snippets.append(
          SnippetCheck.Snippet(
            file: entry.lessonFile, line: block.line + 1, code: block.code,
            imports: block.attributes.contains("exercisekit") ? ["ExerciseKit"] : [], prelude: prelude))
      }
    }
    return (snippets, fragments)
  }

  public static func check(_ lessons: [CourseContent.Entry], with checker: SnippetCheck) -> Report {
    let (snippets, fragments) = Self.snippets(lessons)
    let result = checker.check(snippets)
    return Report(
      errors: result.failures.map { failure in
        ContentError(
          file: failure.snippet.file, line: failure.snippet.line - 1,
          message:
            "this Swift block does not compile (mark it ```swift fragment if it is partial on purpose):\n"
            + failure.message)
      },
      compiled: result.compiled, cached: result.cached, fragments: fragments)
  }
}
