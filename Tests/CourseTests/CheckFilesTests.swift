import Foundation
import Testing

@testable import Course
@testable import Grader

/// An exercise's checks in several files: checks.swift, which declares `exerciseChecks`, and the
/// checks+<What>.swift files beside it, compiled together, each named in the compiler's messages, each
/// part of the compile cache's key and each kept from change by a graded program.
@Suite(.serialized) struct CheckFilesTests {
  let grading = GraderTests()

  /// A copy of the fixture exercise whose checks.swift compares with `answer`, declared in
  /// checks+Answer.swift as answerText declares it.
  func fixture(answer answerText: String) throws -> Exercise {
    let folder = grading.cache + "-course/01-fixture"
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(
      atPath: (folder as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: GraderTests.fixtures + "/01-fixture", toPath: folder)
    let checks = """
      import CacheKit
      import ExerciseKit

      let exerciseChecks: [Check] = [
        Check("reads back what it stored") { context in
          try expect(
            try remember(42, cache: context.cache), equals: answer, "a cache returns what was stored")
        }
      ]
      """
    try checks.write(toFile: folder + "/checks.swift", atomically: true, encoding: .utf8)
    try write(answer: answerText, in: folder)
    let text = try String(contentsOfFile: folder + "/exercise.md", encoding: .utf8)
    return try ExerciseParser.parse(text, file: folder + "/exercise.md", number: 1, folder: folder)
  }

  func write(answer: String, in folder: String) throws {
    try "/// What the check expects back.\n\(answer)\n".write(
      toFile: folder + "/checks+Answer.swift", atomically: true, encoding: .utf8)
  }

  func grade(_ exercise: Exercise) throws -> GradeReport {
    try grading.grader().grade(
      exercise.gradeRequest(solution: GraderTests.fixtures + "/solutions/correct.swift", backends: [.memory]))
  }

  @Test func theChecksFilesAreChecksSwiftThenTheChecksPlusFilesByName() throws {
    let folder = NSTemporaryDirectory() + "cachelings-check-files-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for name in [
      "checks.swift", "checks+Watchers.swift", "checks+Requests.swift", "checks+.swift", "checks+Notes.md",
      "checks-old.swift", "solution.swift",
    ] {
      _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data())
    }
    let exercise = Exercise(
      number: 1, id: "sample", title: "Sample", task: "Do it.", hints: ["Hint."], timeLimit: 10,
      backends: [.memory], folder: folder)
    let parts = [folder + "/checks+Requests.swift", folder + "/checks+Watchers.swift"]
    #expect(exercise.checksPaths == [folder + "/checks.swift"] + parts)
    #expect(Set(parts).isSubset(of: exercise.courseFiles), "a graded program may change none of them")
    #expect(
      exercise.gradeRequest(solution: folder + "/solution.swift", backends: [.memory]).checks.count == 3)
  }

  @Test func aDeclarationInAChecksPlusFileServesChecksSwift() throws {
    defer { try? FileManager.default.removeItem(atPath: grading.cache) }
    let report = try grade(try fixture(answer: "let answer = 42"))
    #expect(report.verdict == .passed)
  }

  @Test func anErrorInAChecksPlusFileNamesThatFileAndLine() throws {
    defer { try? FileManager.default.removeItem(atPath: grading.cache) }
    let exercise = try fixture(answer: "let answer: Int = \"42\"")
    let report = try grade(exercise)
    guard case .compileError(let diagnostics) = report.verdict else {
      Issue.record("expected a compile error, got \(report.verdict)")
      return
    }
    #expect(diagnostics.contains(exercise.folder + "/checks+Answer.swift:2:19: error:"), "\(diagnostics)")
  }

  @Test func changingAChecksPlusFileCompilesTheChecksAgain() throws {
    defer { try? FileManager.default.removeItem(atPath: grading.cache) }
    let exercise = try fixture(answer: "let answer = 42")
    #expect(try grade(exercise).verdict == .passed)
    #expect(try grade(exercise).cachedProgram, "nothing changed")
    try write(answer: "let answer = 43", in: exercise.folder)
    let changed = try grade(exercise)
    #expect(!changed.cachedProgram)
    #expect(changed.verdict == .failed, "the checks now expect 43")
    #expect(changed.failures.first?.details.got == "42")
    #expect(changed.failures.first?.details.line == 6, "the line of checks.swift whose expectation failed")
  }

  @Test func aChecksPlusFileAProgramChangesOrAddsIsPutBackOrRemoved() throws {
    let folder = NSTemporaryDirectory() + "cachelings-check-files-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let checks = folder + "/checks.swift"
    let part = folder + "/checks+Watchers.swift"
    let added = folder + "/checks+Passes.swift"
    try "let exerciseChecks: [Check] = []\n".write(toFile: checks, atomically: true, encoding: .utf8)
    try "let watched = 1\n".write(toFile: part, atomically: true, encoding: .utf8)
    let protected = ProtectedFiles([checks], checkFolders: [folder])
    try "let watched = 2\n".write(toFile: part, atomically: true, encoding: .utf8)
    try "func expect(_: Bool) {}\n".write(toFile: added, atomically: true, encoding: .utf8)
    #expect(Set(protected.restoreChanged()) == [part, added])
    #expect(try String(contentsOfFile: part, encoding: .utf8) == "let watched = 1\n")
    #expect(!FileManager.default.fileExists(atPath: added), "the next grade would have compiled it")
    #expect(protected.restoreChanged().isEmpty)
  }
}
