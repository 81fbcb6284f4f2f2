import Foundation
import GradeProtocol
import Testing

@testable import Course
@testable import Grader

/// The grader against solutions that misbehave the ways a learner's can: each gets its own verdict within
/// the time limit plus a second, and nothing the program prints can pass for a result.
/// Each test's time limit guards against a hang (a runaway the grader failed to stop), not a speed: a
/// runaway's verdict itself says which limit ended it.
@Suite(.serialized, .timeLimit(.minutes(2))) final class GraderTests {
  static let fixtures: String = {
    var path = #filePath
    for _ in 0..<2 { path = (path as NSString).deletingLastPathComponent }
    return path + "/Fixtures/Grading"
  }()

  /// This test's compiled programs; a test that grades a copy of the fixture course puts it beside, with
  /// "-course" added. Both go with the test.
  let cache = NSTemporaryDirectory() + "cachelings-grader-\(UUID().uuidString)"

  deinit {
    try? FileManager.default.removeItem(atPath: cache)
    try? FileManager.default.removeItem(atPath: cache + "-course")
  }

  func exercise() throws -> Exercise {
    let folder = Self.fixtures + "/01-fixture"
    let text = try String(contentsOfFile: folder + "/exercise.md", encoding: .utf8)
    return try ExerciseParser.parse(text, file: folder + "/exercise.md", number: 1, folder: folder)
  }

  func grader() throws -> Grader {
    let toolchain = try Toolchain.locate()
    try #require(
      toolchain.runtimeIsCurrent,
      "libExerciseRuntime.so is built beside the tests and newer than its modules (swift build --build-tests)"
    )
    return Grader(compiler: Compiler(toolchain: toolchain, cacheFolder: cache))
  }

  /// Grades a fixture solution on memory and file.
  func grade(_ solution: String, limits: RunLimits? = nil) throws -> GradeReport {
    let exercise = try exercise()
    let request = exercise.gradeRequest(
      solution: Self.fixtures + "/solutions/\(solution).swift", backends: [.memory, .file], limits: limits)
    let report = try grader().grade(request)
    return report
  }

  @Test func aCorrectSolutionPassesEveryCheckOnEveryBackend() throws {
    let report = try grade("correct")
    #expect(report.verdict == .passed)
    #expect(report.cells.count == 4)
    #expect(report.cells.allSatisfy { $0.status == .passed })
    #expect(report.backends == [.memory, .file])
  }

  @Test func theSecondGradingOfTheSameSourceReusesTheProgram() throws {
    let first = try grade("correct")
    let second = try grade("correct")
    #expect(!first.cachedProgram)
    #expect(second.cachedProgram)
    #expect(second.verdict == .passed)
  }

  @Test func aWrongSolutionFailsWithTheCheckTheBackendAndAnExplanation() throws {
    let report = try grade("wrong")
    #expect(report.verdict == .failed)
    let failure = try #require(report.failures.first)
    #expect(failure.check == "reads back what it stored")
    #expect(failure.backend == .memory)
    #expect(failure.details.expected == "42")
    #expect(failure.details.got == "43")
    #expect(failure.details.why == "a cache returns what was stored")
    #expect(failure.details.line == 6, "the line of the fixture's checks.swift that failed")
    #expect(report.failures.count == 4)
  }

  @Test func aCompileErrorShowsTheDiagnosticsAtTheLearnersFileAndLine() throws {
    let report = try grade("compile-error")
    guard case .compileError(let diagnostics) = report.verdict else {
      Issue.record("expected a compile error, got \(report.verdict)")
      return
    }
    #expect(diagnostics.contains("solutions/compile-error.swift:4:24: error:"))
    #expect(report.cells.isEmpty)
  }

  @Test func anInfiniteLoopTimesOutDuringTheCheckThatWasRunning() throws {
    let report = try grade("infinite-loop")
    #expect(report.verdict == .timedOut(seconds: 3))
    #expect(report.interrupted?.check == "reads back what it stored")
    #expect(report.interrupted?.backend == .memory)
    // Each backend runs in its own program, so each stops in its own first check.
    #expect(report.cells.filter { $0.status == .interrupted }.map(\.backend) == [.memory, .file])
    #expect(report.cells.filter { $0.status == .notRun }.count == 2)
  }

  @Test func theWholeProcessGroupIsKilledSoNothingOutlivesTheRun() throws {
    let report = try grade("leaves-a-child")
    #expect(report.verdict == .timedOut(seconds: 3))
    // A killed process lingers in /proc until the kernel has finished its exit: allow it two seconds.
    var survivors = try sleepers()
    for _ in 0..<40 where !survivors.isEmpty {
      usleep(50_000)
      survivors = try sleepers()
    }
    #expect(survivors.isEmpty, "the learner's background process was killed with its group")
  }

  /// The pids of the fixture's background `sleep 41.5` that are still running.
  func sleepers() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { name in
      guard Int(name) != nil, let command = FileManager.default.contents(atPath: "/proc/\(name)/cmdline")
      else {
        return false
      }
      return String(decoding: command, as: UTF8.self) == "/bin/sleep\u{0}41.5\u{0}"
    }
  }

  @Test func withoutACompilerTheErrorSaysWhatToInstall() {
    #expect(throws: GradingError.self) { try Toolchain.locate(environment: ["PATH": "/nonexistent"]) }
    do {
      _ = try Toolchain.locate(environment: ["PATH": "/nonexistent"])
    } catch {
      #expect(error.description.contains("Install a Swift toolchain"))
      #expect(error.description.contains("CACHELINGS_SWIFTC"))
    }
  }

  @Test func fatalErrorIsACrashWithItsSignalAndMessage() throws {
    let report = try grade("fatal-error")
    guard case .crashed(let signal) = report.verdict else {
      Issue.record("expected a crash, got \(report.verdict)")
      return
    }
    #expect(["SIGTRAP", "SIGILL"].contains(signal))
    #expect(report.output.contains("not written yet"))
    #expect(report.interrupted?.check == "reads back what it stored")
  }

  @Test func aSegfaultIsACrashWithSIGSEGV() throws {
    let report = try grade("segfault")
    #expect(report.verdict == .crashed(signal: "SIGSEGV"))
  }

  @Test func aMemoryBombIsKilledForMemory() throws {
    let report = try grade("memory-bomb", limits: RunLimits(seconds: 3, memoryBytes: 256 << 20))
    guard case .killedForMemory(let megabytes) = report.verdict else {
      Issue.record("expected killed for memory, got \(report.verdict)")
      return
    }
    #expect(megabytes >= 230)
  }

  @Test func tenMegabytesOfPrintsAreCappedAndCountedWithoutBlockingTheProgram() throws {
    let report = try grade("chatty", limits: RunLimits(seconds: 8))
    #expect(report.verdict == .passed)
    #expect(report.output.utf8.count == 64 << 10)
    #expect(report.output.utf8.count + report.droppedOutputBytes == 4 * 110_000 * 97)
  }

  @Test func printedOrForgedResultLinesDoNotCount() throws {
    let report = try grade("forged")
    #expect(report.verdict == .failed)
    #expect(
      report.cells.first { $0.backend == .memory && $0.check == "reads back what it stored" }?.status
        == .failed)
    #expect(report.output.contains("\"event\":\"passed\""))
  }

  @Test func exitingFromTheLearnersCodeIsReportedNotPassed() throws {
    let report = try grade("exits-early")
    #expect(report.verdict == .exitedEarly(status: 0))
    #expect(report.interrupted?.check == "reads back what it stored")
  }

  @Test func resultsJSONFollowsExercismVersionThreeWithTheBackend() throws {
    let report = try grade("wrong")
    let json = try #require(
      JSONSerialization.jsonObject(with: Data(ResultsJSON.encode(report).utf8)) as? [String: Any])
    #expect(json["version"] as? Int == 3)
    #expect(json["status"] as? String == "fail")
    let tests = try #require(json["tests"] as? [[String: Any]])
    #expect(tests.count == 4)
    #expect(tests[0]["name"] as? String == "reads back what it stored")
    #expect(tests[0]["backend"] as? String == "memory")
    #expect(tests[0]["status"] as? String == "fail")
    #expect((tests[0]["message"] as? String)?.contains("expected 42, got 43") == true)
  }

  @Test func learnerDeclarationsCannotStandInForTheChecksOrTheEntryPoint() throws {
    let report = try grade("shadows-the-checks")
    #expect(report.verdict == .failed, "the unchanged wrong answer must fail: \(report.verdict)")
    #expect(report.cells.count == 4 && report.failures.count == 4)
  }

  @Test func theTokenIsInNoEnvironmentAndItsDescriptorIsSpent() throws {
    let report = try grade("reads-the-token")
    #expect(
      report.verdict == .exitedEarly(status: 0), "the forged end of the run did not count: \(report.verdict)")
    #expect(!report.cells.contains { $0.status == .passed }, "no forged record counted")
  }

  @Test func aRunWhereEveryCheckIsSkippedIsNoPass() throws {
    let report = try grade("skips-every-check")
    #expect(report.verdict == .nothingPassed)
    #expect(!report.passed)
    #expect(report.cells.allSatisfy { $0.status == .skipped })
    #expect(ResultsJSON.encode(report).contains(#""status" : "error""#))
  }

  /// Grades a copy of the fixture exercise with the solution that rewrites its checks; returns the report,
  /// the checks' path and their text before the run.
  func gradeTheCheckRewriter(confineWrites: Bool) throws -> (GradeReport, String, String) {
    let copy = cache + "-course"
    try? FileManager.default.removeItem(atPath: copy)
    try FileManager.default.createDirectory(atPath: copy + "/solutions", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Self.fixtures + "/01-fixture", toPath: copy + "/01-fixture")
    try FileManager.default.copyItem(
      atPath: Self.fixtures + "/solutions/rewrites-the-checks.swift",
      toPath: copy + "/solutions/rewrites.swift")
    let checks = copy + "/01-fixture/checks.swift"
    let original = try String(contentsOfFile: checks, encoding: .utf8)
    let text = try String(contentsOfFile: copy + "/01-fixture/exercise.md", encoding: .utf8)
    let exercise = try ExerciseParser.parse(
      text, file: copy + "/01-fixture/exercise.md", number: 1, folder: copy + "/01-fixture")
    let request = exercise.gradeRequest(
      solution: copy + "/solutions/rewrites.swift", backends: [.memory],
      limits: RunLimits(seconds: 10, confineWrites: confineWrites))
    return (try grader().grade(request), checks, original)
  }

  @Test(
    .enabled(
      if: ChildProcess.writesConfinable, "this kernel has no Landlock; the next test covers the fallback"))
  func aProgramCannotWriteTheExercisesChecksWhereTheKernelConfinesWrites() throws {
    let (report, checks, original) = try gradeTheCheckRewriter(confineWrites: true)
    #expect(try String(contentsOfFile: checks, encoding: .utf8) == original, "the write was refused")
    #expect(!FileManager.default.fileExists(atPath: Self.addedChecks(beside: checks)), "so was the new file")
    #expect(report.verdict == .passed, "the solution itself is right: \(report.verdict)")
  }

  @Test func checksAProgramRewritesOrAddsArePutBackOrRemovedAndTheGradeDoesNotCount() throws {
    let (report, checks, original) = try gradeTheCheckRewriter(confineWrites: false)
    let added = Self.addedChecks(beside: checks)
    #expect(report.verdict == .changedCourseFiles([checks, added]))
    #expect(!report.passed)
    #expect(try String(contentsOfFile: checks, encoding: .utf8) == original, "the checks were put back")
    #expect(!FileManager.default.fileExists(atPath: added), "the next grade would compile an added one")
  }

  /// The checks file the check rewriter adds beside checks.
  static func addedChecks(beside checks: String) -> String {
    (checks as NSString).deletingLastPathComponent + "/checks+Passes.swift"
  }

  @Test func escapeSequencesAProgramPrintsAreShownNotObeyed() throws {
    let report = try grade("prints-escapes")
    #expect(report.verdict == .failed)
    #expect(!report.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" })
    #expect(report.output.contains("^[[2J^[[H^[[32m every check passes ^[[0m^[]0;all green^G<U+009B>31m"))
  }
}
