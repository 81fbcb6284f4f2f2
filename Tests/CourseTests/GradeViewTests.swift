import Foundation
import GradeProtocol
import Terminal
import Testing

@testable import Course
@testable import Grader

/// The grade report as the terminal shows it: whole check names at any width, headings that name the
/// backends once, a legend for every mark, and compiler output left in its columns.
@Suite struct GradeViewTests {
  static let longCheck = "processes share the copy on file, Redis and memcached, not on memory"

  func report(_ verdict: GradeReport.Verdict = .failed) -> GradeReport {
    func cell(_ check: String, _ backend: Backend, _ status: GradeReport.Cell.Status) -> GradeReport.Cell {
      GradeReport.Cell(
        check: check, backend: backend, status: status,
        details: CheckDetails(message: status == .failed ? "it was not shared" : nil))
    }
    return GradeReport(
      exercise: "cache-aside-ttl", verdict: verdict,
      cells: [
        cell("the first call runs the query once and returns the top posts", .memory, .passed),
        cell("the first call runs the query once and returns the top posts", .file, .passed),
        cell(Self.longCheck, .memory, .passed), cell(Self.longCheck, .file, .failed),
        cell("a check the run never reached", .memory, .notRun),
        cell("a check the run never reached", .file, .skipped),
      ],
      output: "", droppedOutputBytes: 0, compileSeconds: 0.2, runSeconds: 0.77, cachedProgram: false)
  }

  func shown(_ report: GradeReport, width: Int) -> [String] {
    let script = ScriptedConsole()
    GradeView(console: script.console(interactive: false, width: width)).show(report, title: "Exercise 1")
    return script.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func checkNamesWrapInTheirColumnInsteadOfBeingCut() {
    for width in [60, 100] {
      let lines = shown(report(), width: width)
      #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "no line wider than \(width)")
      #expect(!lines.joined().contains("…"), "nothing cut at \(width) columns")
      let matrix = lines.prefix { !$0.hasPrefix("  ✓ passed") }.joined(separator: " ")
      let words = matrix.split(separator: " ").joined(separator: " ")
      #expect(
        words.contains("the first call runs the query once and") && words.contains("returns the top posts"))
    }
  }

  @Test func aFailureHeadingNamesTheBackendsOnceBeforeTheCheck() {
    let text = shown(report(), width: 100).joined(separator: "\n")
    #expect(text.contains("✗ file: " + Self.longCheck))
    #expect(!text.contains("not on memory on file"))
  }

  @Test func theLegendExplainsEveryMarkShown() {
    let text = shown(report(), width: 100).joined(separator: "\n")
    #expect(text.contains("✓ passed") && text.contains("✗ failed"))
    #expect(text.contains("· skip: not graded on that backend"))
    #expect(text.contains("· -: not run"))
  }

  @Test func compilerSourceAndCaretLinesKeepTheirColumns() {
    let source = "  9 |   return database.topPostz(count: 1, whatever: \"a long argument to make it wrap\")"
    let caret = "    |                   `- error: value of type 'SlowDatabase' has no member 'topPostz'"
    let lines = shown(
      report(.compileError("file.swift:9:19: error: no member 'topPostz'\n\(source)\n\(caret)")), width: 60)
    #expect(lines.contains { $0.hasPrefix("  9 |   return database.topPostz(") && $0.hasSuffix("…") })
    #expect(lines.contains { $0.hasPrefix("    |                   `- error") })
    #expect(
      !lines.contains { $0.hasPrefix("argument") || $0.hasPrefix("' has no member") }, "nothing re-flowed")
  }

  @Test func aShortScreenCountsThePassingChecksOnOneLine() {
    let script = ScriptedConsole()
    GradeView(console: script.console(interactive: false, width: 60), collapsesPassingRows: true)
      .show(report(), title: "")
    #expect(!script.output.contains("the first call runs"))
    #expect(script.output.contains("✓ and 1 more check passed everywhere"))
    #expect(script.output.contains(Self.longCheck.prefix(20)), "failing rows stay")
  }

  @Test func watchsScreenFitsTheTerminalWithItsKeysInView() throws {
    let exercise = try #require(CourseContent.load(root: EndToEndTests.courseRoot).exercise(named: "1"))
    let script = ScriptedConsole()
    var console = script.console(interactive: false, width: 60)
    console.height = 24
    let place = WatchScreen.Place(exercise: exercise, position: 1, exercises: 14, passed: 3)
    let lines = WatchScreen(console: console).lines(report(), place: place, next: "Press **h** for a hint.")
    #expect(lines.count <= 23, "one row is left for the cursor: \(lines.count)")
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
    #expect(lines.last?.contains("q or esc quit") == true)
    #expect(lines.contains { $0.contains("3 of 14 exercises passed") })
    #expect(lines.contains { $0.contains("✗ file: processes share") }, "the first failure is explained")
  }

  @Test func watchPlacesTheExerciseAmongTheCoursesAndCountsThosePassed() {
    let content = CourseContent.load(root: EndToEndTests.courseRoot)
    let third = content.exercises[2]
    var passed = CourseProgress.ExerciseState()
    passed.passedAt = Date(timeIntervalSince1970: 1_800_000_000)
    var progress = CourseProgress()
    progress.exercises[content.exercises[0].id] = passed
    progress.exercises[content.exercises[1].id] = CourseProgress.ExerciseState()
    progress.exercises[third.id] = passed
    let place = WatchScreen.Place(third, in: content, progress: progress)
    #expect(place.position == 3)
    #expect(place.exercises == content.exercises.count)
    #expect(place.passed == 2, "an exercise checked but not passed does not count")
  }
}
