import Foundation
import GradeProtocol
import TestSupport
import Testing

@testable import Course
@testable import Grader

/// The exercise commands through the real binary: check on every exercise with its own servers, watch in a
/// pseudo-terminal, hint, reset and solution, and a runaway solution that leaves the command line usable.
@Suite(.serialized) struct ExerciseCommandTests {
  static let courseRoot = EndToEndTests.courseRoot
  let workspace = NSTemporaryDirectory() + "cachelings-exercises-\(UUID().uuidString)"

  var environment: [String: String] {
    [
      "CACHELINGS_COURSE": Self.courseRoot, "CACHELINGS_WORKSPACE": workspace, "TERM": "xterm-256color",
      "HOME": workspace, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
  }

  func run(
    _ arguments: [String], input: String = "", extra: [String: String] = [:]
  ) throws -> (Int32, String, String) {
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    return try ProgramRun.run(binary, arguments, environment: environment.merging(extra) { $1 }, input: input)
  }

  func results(_ json: String) throws -> (status: String, tests: [[String: Any]]) {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    return (object["status"] as? String ?? "", object["tests"] as? [[String: Any]] ?? [])
  }

  /// Exercise `name` and its learner's file in this test's workspace, whose folder it makes.
  func learnerFile(of name: String) throws -> (exercise: Exercise, path: String) {
    let exercise = try #require(CourseContent.load(root: Self.courseRoot).exercise(named: name))
    try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
    return (exercise, workspace + "/" + exercise.workspaceFileName)
  }

  @Test func everyStarterFailsHelpfullyAndEveryReferenceSolutionPassesOnItsBackends() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let content = CourseContent.load(root: Self.courseRoot)
    #expect(content.exercises.count >= 3)
    for exercise in content.exercises {
      let (failing, starterJSON, _) = try run(["check", "\(exercise.number)", "--json"])
      #expect(failing == 1, "the starter of \(exercise.id) fails")
      let starter = try results(starterJSON)
      #expect(starter.status == "fail")
      let failure = try #require(starter.tests.first { $0["status"] as? String == "fail" })
      #expect(
        ((failure["why"] as? String) ?? "").count > 40, "a failure of \(exercise.id) explains why it matters")

      let copy = workspace + "/" + exercise.workspaceFileName
      try FileManager.default.removeItem(atPath: copy)
      try FileManager.default.copyItem(atPath: exercise.solutionPath, toPath: copy)
      let (passing, solutionJSON, errors) = try run(["check", exercise.id, "--json"])
      #expect(passing == 0, "the reference solution of \(exercise.id) passes: \(errors)")
      let solution = try results(solutionJSON)
      #expect(solution.status == "pass")
      // Every backend the exercise names (all four unless its `backends:` narrows them).
      #expect(
        Set(solution.tests.compactMap { $0["backend"] as? String })
          == Set(exercise.backends.map(\.rawValue)))
      let failed = solution.tests.filter { $0["status"] as? String != "pass" }.map {
        "\($0["name"] ?? "?") on \($0["backend"] ?? "?"): \($0["message"] ?? "")"
      }
      #expect(failed.isEmpty, "the reference solution of \(exercise.id) fails: \(failed)")
    }
    let (_, list, _) = try run(["list"])
    #expect(list.components(separatedBy: "✓ passed").count - 1 == content.exercises.count)
    let progress = ProgressStore(path: workspace + "/progress.json").load().progress
    #expect(progress.exercises.values.filter(\.passed).count == content.exercises.count)
  }

  @Test func realServersGradeTooWithTimeChecksSkippedAndTheExerciseNotYetComplete() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    guard let redisServer = RequiredPeer.redis(), let memcachedServer = RequiredPeer.memcached() else {
      return
    }
    let redis = try PeerServer(.redis, executable: redisServer)
    let memcached = try PeerServer(.memcached, executable: memcachedServer)
    let (exercise, file) = try learnerFile(of: "1")
    try FileManager.default.copyItem(atPath: exercise.solutionPath, toPath: file)
    let (status, json, errors) = try run([
      "check", "1", "--json", "--backend", "redis,memcached", "--redis", "redis://127.0.0.1:\(redis.port)/2",
      "--memcached", "127.0.0.1:\(memcached.port)",
    ])
    #expect(status == 0, "\(errors)")
    let results = try results(json)
    #expect(results.status == "pass")
    let skipped = results.tests.filter { $0["status"] as? String == "skip" }
    #expect(skipped.count == 2, "the time check is skipped on both real servers")
    #expect(results.tests.filter { $0["status"] as? String == "pass" }.count == results.tests.count - 2)
    let progress = ProgressStore(path: workspace + "/progress.json").load().progress
    #expect(progress.exercises[exercise.id]?.passed == false, "a partial pass does not complete the exercise")
    let (wrong, _, message) = try run(["check", "1", "--redis", "http://x"])
    #expect(wrong == 2 && message.contains("--redis takes a URL"))
  }

  @Test func theTerminalReportShowsTheMatrixAndTheNextStep() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let (status, text, _) = try run(["check", "1", "--backend", "memory,file", "--no-color"])
    #expect(status == 1)
    #expect(text.contains("Exercise 1:"), "the task is shown when the starter is copied")
    #expect(text.contains("memory  file"))
    #expect(!text.contains("redis  "), "only the backends asked for")
    #expect(text.contains("expected:") && text.contains("got:"))
    #expect(text.contains("hint 1"))
  }

  @Test func watchRegradesOnSaveAndAnswersItsKeys() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"))
    let terminal = try PseudoTerminal(
      executable: binary, arguments: ["watch", "1", "--backend", "memory,file"], environment: environment)
    #expect(terminal.waitFor(["esc quit"], timeout: 60) != nil)
    let offset = terminal.text.count
    let (exercise, file) = try learnerFile(of: "1")
    let solution = try Data(contentsOf: URL(fileURLWithPath: exercise.solutionPath))
    try solution.write(to: URL(fileURLWithPath: file), options: .atomic)
    #expect(terminal.waitFor(["Passed on memory, file."], after: offset, timeout: 30) != nil)
    terminal.send("h")
    #expect(terminal.waitFor(["Hint 1 of 3"], after: offset) != nil)
    terminal.send("q")
    #expect(terminal.wait() == 0)
  }

  @Test func everyGradeInWatchStartsFromServersAsFreshAsTheFirst() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"))
    let (exercise, file) = try learnerFile(of: "1")
    // A solution that fills another database, which no check flushes, and caps the server's memory below it.
    let poisoning = """
      import CacheKit
      import ExerciseKit
      import Foundation

      func topPosts(cache: any Cache, database: SlowDatabase) throws -> [Post] {
        let url = ProcessInfo.processInfo.environment["CACHELINGS_GRADE_REDIS"] ?? ""
        if let server = RedisLocation(url: url) {
          let junk = String(repeating: "x", count: 4096)
          let commands = "SELECT 1\\r\\nSET junk \\(junk)\\r\\nCONFIG SET maxmemory 1"
          _ = try? LineExchange.send(commands, host: server.host, port: server.port)
        }
        return database.topPosts()
      }

      """
    try Data(poisoning.utf8).write(to: URL(fileURLWithPath: file))
    let terminal = try PseudoTerminal(
      executable: binary, arguments: ["watch", "1", "--backend", "redis"], environment: environment)
    #expect(terminal.waitFor(["esc quit"], timeout: 60) != nil)
    let offset = terminal.text.count
    try Data(contentsOf: URL(fileURLWithPath: exercise.solutionPath))
      .write(to: URL(fileURLWithPath: file), options: .atomic)
    #expect(
      terminal.waitFor(["Passed on redis."], after: offset, timeout: 30) != nil,
      "the reference solution passes although the last program set maxmemory: \(terminal.text.suffix(1500))")
    terminal.send("q")
    #expect(terminal.wait() == 0)
  }

  @Test func theCoursesGradingServersHoldNoMoreThanAProgramMayUse() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let file = try learnerFile(of: "1").path
    let asking = """
      import CacheKit
      import ExerciseKit
      import Foundation

      func topPosts(cache: any Cache, database: SlowDatabase) throws -> [Post] {
        let url = ProcessInfo.processInfo.environment["CACHELINGS_GRADE_REDIS"] ?? ""
        if let server = RedisLocation(url: url) {
          let reply = (try? LineExchange.send("CONFIG GET maxmemory", host: server.host, port: server.port)) ?? ""
          print("server says: " + reply.split(whereSeparator: \\.isNewline).joined(separator: " "))
        }
        return database.topPosts()
      }

      """
    try Data(asking.utf8).write(to: URL(fileURLWithPath: file))
    let (_, output, _) = try run(["check", "1", "--backend", "redis"])
    #expect(
      output.contains("server says: *2 $9 maxmemory $9 \(RunLimits().memoryBytes)"),
      "the Redis-protocol server is capped at the program's memory limit: \(output)")
  }

  @Test func anEqualityOperatorOfTheLearnersDoesNotReachTheChecks() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let file = try learnerFile(of: "1").path
    // Caches the wrong posts, and declares an == that calls any two lists of posts equal.
    let forging = """
      import CacheKit
      import ExerciseKit

      func topPosts(cache: any Cache, database: SlowDatabase) throws -> [Post] {
        if let cached = try cache.get("top-posts", as: [Post].self) { return cached }
        let posts = Array(database.topPosts().reversed())
        try cache.set("top-posts", posts, timeout: 60)
        return posts
      }

      func == (a: [Post], b: [Post]) -> Bool { true }

      """
    try Data(forging.utf8).write(to: URL(fileURLWithPath: file))
    let (status, json, _) = try run(["check", "1", "--backend", "memory", "--json"])
    let (verdict, tests) = try results(json)
    #expect(status == 1 && verdict == "fail", "the wrong posts must fail: \(json)")
    #expect(
      tests.contains {
        ($0["message"] as? String ?? "").contains("110, 112") || $0["status"] as? String == "fail"
      })
  }

  @Test func hintsComeOneAtATimeAndTheSolutionWaitsForAPass() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let (_, first, _) = try run(["hint", "2"])
    #expect(first.contains("Hint 1 of 3"))
    let (_, second, _) = try run(["hint", "2"])
    #expect(second.contains("Hint 2 of 3"))
    let (hidden, _, why) = try run(["solution", "2"])
    #expect(hidden == 1 && why.contains("not passed yet"))
    let (_, declined, _) = try run(["solution", "2", "--force"], input: "n\n")
    #expect(declined.contains("Kept hidden"))
    let (_, shown, _) = try run(["solution", "2", "--force"], input: "y\n")
    #expect(shown.contains("func dashboard"))
    let progress = ProgressStore(path: workspace + "/progress.json").load().progress
    #expect(progress.exercises["per-user-keys"]?.hintsTaken == 2)
    #expect(progress.exercises["per-user-keys"]?.solutionViewed == true)
    let (_, unknown, suggestion) = try run(["hint", "per-user-key"])
    #expect(unknown.isEmpty && suggestion.contains("per-user-keys"))
  }

  @Test func resetAsksAndKeepsTheLearnersVersion() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let (exercise, file) = try learnerFile(of: "3")
    let original = try Data(contentsOf: URL(fileURLWithPath: exercise.starterPath))
    try "// my work\n".write(toFile: file, atomically: true, encoding: .utf8)
    let (_, kept, _) = try run(["reset", "3"], input: "n\n")
    #expect(kept.contains("Nothing changed"))
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "// my work\n")
    let (status, _, _) = try run(["reset", "3"], input: "y\n")
    #expect(status == 0)
    #expect(
      FileManager.default.contents(atPath: file) == FileManager.default.contents(atPath: exercise.starterPath)
    )
    let previous = workspace + "/." + exercise.workspaceFileName + ".previous"
    #expect(try String(contentsOfFile: previous, encoding: .utf8) == "// my work\n")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: exercise.starterPath)) == original, "Exercises/ untouched")
  }

  @Test func resetWaitsForTheAnswerInATerminal() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"))
    let (exercise, file) = try learnerFile(of: "3")
    try "// my work\n".write(toFile: file, atomically: true, encoding: .utf8)
    let terminal = try PseudoTerminal(
      executable: binary, arguments: ["reset", "3"], environment: environment)
    #expect(terminal.waitFor(["[y/N]"], timeout: 30) != nil)
    terminal.send("y\r")
    #expect(terminal.waitFor(["is the starter again"]) != nil)
    #expect(terminal.wait() == 0)
    #expect(
      FileManager.default.contents(atPath: file) == FileManager.default.contents(atPath: exercise.starterPath)
    )
  }

  /// The time limit guards against a hang (a runaway never stopped), not a speed: the verdict itself
  /// says the 3 s limit ended the run.
  @Test(.timeLimit(.minutes(1)))
  func aRunawaySolutionGetsItsVerdictAndTheCommandLineStaysUsable() throws {
    let course = NSTemporaryDirectory() + "cachelings-fixture-course-\(UUID().uuidString)"
    defer {
      try? FileManager.default.removeItem(atPath: workspace)
      try? FileManager.default.removeItem(atPath: course)
    }
    try FixtureCourse.make(course: course, workspace: workspace, solution: "infinite-loop")
    let (status, text, _) = try run(["check", "1", "--no-color"], extra: ["CACHELINGS_COURSE": course])
    #expect(status == 1)
    #expect(text.contains("ran out of time"))
    let (listed, list, _) = try run(["list"], extra: ["CACHELINGS_COURSE": course])
    #expect(listed == 0 && list.contains("in progress"))
  }
}
