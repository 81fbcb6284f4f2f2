import Foundation
import TestSupport
import Testing

@testable import Course

/// The authors' commands through the real binary: the standard's errors with file and line from
/// `dev check`, the coverage table and its place in Lessons/README.md, the list of labs; and `lab`, which
/// learners run too.
@Suite(.serialized) struct DevCommandTests {
  let course = NSTemporaryDirectory() + "cachelings-dev-\(UUID().uuidString)"

  func run(_ arguments: [String], root: String = EndToEndTests.courseRoot) throws -> (Int32, String, String) {
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let environment = [
      "CACHELINGS_COURSE": root, "CACHELINGS_WORKSPACE": course + "/workspace", "HOME": course,
      "PATH": "/usr/bin:/bin", "TERM": "dumb",
    ]
    return try ProgramRun.run(binary, arguments, environment: environment, directory: root)
  }

  /// A copy of the course's Lessons/ alone, to break.
  func copyLessons() throws -> String {
    try FileManager.default.createDirectory(atPath: course, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: EndToEndTests.courseRoot + "/Lessons", toPath: course + "/Lessons")
    return course
  }

  @Test func coverageListsEveryTopicAndWhatNothingCoversYet() throws {
    let (status, text, _) = try run(["dev", "coverage"])
    #expect(status == 0)
    let topics = try TopicsParser.parse(
      String(contentsOfFile: EndToEndTests.courseRoot + "/Lessons/topics.md", encoding: .utf8),
      file: "topics.md")
    for topic in topics { #expect(text.contains(topic.slug), "\(topic.slug)") }
    #expect(text.contains("topic") && text.contains("questions") && text.contains("exercises"))
    #expect(text.contains("Not covered yet") || text.contains("Every topic is covered."))
  }

  @Test func labsListsEverySimulationWithWhatItShowsAndItsLessons() throws {
    let (status, text, _) = try run(["dev", "labs"])
    #expect(status == 0)
    for simulation in Simulations.all {
      #expect(text.contains(simulation.name) && text.contains(String(simulation.summary.prefix(30))))
    }
    #expect(text.contains("hit-ratio-latency  (lesson 1)"))
  }

  @Test func labDrawsTheNamedSimulationAsTheLessonDoes() throws {
    let (status, text, _) = try run(["lab", "ttl-staleness", "--no-color"])
    #expect(status == 0)
    for expected in [
      "Lab: ttl-staleness", "hit rate", "stale reads", "x: TTL, log scale", "hits, TTL 1 s",
      "stale, TTL 60 s",
      "stale, TTL 1 h", "% of reads", "Stale reads: 0% at 1 s",
    ] {
      #expect(text.contains(expected), "\(expected): \(text)")
    }
    let (learned, lesson, _) = try run(["learn", "4", "--no-color"])
    #expect(learned == 0)
    let drawn = try #require(text.range(of: "Hit rate and stale reads by TTL")).lowerBound
    let chart = text[drawn...].prefix(400)
    #expect(lesson.contains("Lab: ttl-staleness") && lesson.contains(chart), "learn 4 draws the same chart")
  }

  @Test func labWithoutANameListsTheLabsAndAWrongNameIsAnError() throws {
    let (status, text, _) = try run(["lab", "--no-color"])
    #expect(status == 0)
    for simulation in Simulations.all { #expect(text.contains(simulation.name)) }
    #expect(text.contains("ttl-staleness  (lesson 4)") && text.contains("lab NAME"), "\(text)")
    let (wrong, output, errors) = try run(["lab", "ttl-stale"])
    #expect(wrong == 2 && output.isEmpty)
    #expect(errors.contains("there is no lab 'ttl-stale' (did you mean 'ttl-staleness'?)"), "\(errors)")
  }

  @Test func devCheckNamesFileAndLineOfAMissingPartAndCoverageWriteMendsTheTable() throws {
    defer { try? FileManager.default.removeItem(atPath: course) }
    let root = try copyLessons()
    let file = root + "/Lessons/01-why-caching/lesson.md"
    var lesson = try String(contentsOfFile: file, encoding: .utf8)
    let start = try #require(lesson.range(of: "::: takeaways"))
    lesson.removeSubrange(start.lowerBound...)
    lesson += "\n"
    try lesson.write(toFile: file, atomically: true, encoding: .utf8)
    let topics = root + "/Lessons/topics.md"
    try (String(contentsOfFile: topics, encoding: .utf8) + "- brand-new-topic: something new\n")
      .write(toFile: topics, atomically: true, encoding: .utf8)

    let (status, text, _) = try run(["dev", "check", "--content-only"], root: root)
    #expect(status == 1)
    #expect(text.contains("error: Lessons/01-why-caching/lesson.md:1: no '::: takeaways' block"), "\(text)")
    #expect(text.contains("error: Lessons/README.md:"), "the table lacks the new topic: \(text)")
    #expect(text.contains("dev check: 2 problems"))

    let (written, message, _) = try run(["dev", "coverage", "--write"], root: root)
    #expect(written == 0 && message.contains("Wrote the coverage table"))
    let readme = try String(contentsOfFile: root + "/Lessons/README.md", encoding: .utf8)
    #expect(readme.contains("| brand-new-topic | - | 0 | - |"))
    let (again, after, _) = try run(["dev", "check", "--content-only"], root: root)
    #expect(again == 1 && after.contains("dev check: 1 problem "), "only the takeaways are left: \(after)")
  }

  @Test func localVsSharedRunsRealProcessesAndRepeatsExactly() throws {
    let (status, first, _) = try run(["lab", "local-vs-shared", "--no-color"])
    #expect(status == 0)
    #expect(first.contains("hits, local memory") && first.contains("stale, shared Redis"), "\(first)")
    let stale = first.split(separator: "\n").first { $0.contains("stale, local memory") }
    #expect(stale.map { !$0.contains(" 0 %") } == true, "local caches serve stale copies: \(first)")
    #expect(first.contains("stale, shared Redis") && first.contains("against 0.0%"), "one delete reaches all")
    let (_, second, _) = try run(["lab", "local-vs-shared", "--no-color"])
    #expect(second == first, "the workers take turns, so a run repeats exactly")
  }

  @Test func twoLevelTradesRedisCallsForStaleReadsAndRepeatsExactly() throws {
    let (status, first, _) = try run(["lab", "two-level", "--no-color"])
    #expect(status == 0)
    /// The bar of `label` at each local timeout, in order.
    func values(_ label: String) -> [Double] {
      first.split(separator: "\n").filter { $0.contains(": " + label) }.compactMap { line in
        let words = line.split(separator: " ")
        return words.firstIndex(of: "%").flatMap { $0 > 0 ? Double(words[$0 - 1]) : nil }
      }
    }
    let (memory, redis, stale) = (values("memory hits"), values("reads to Redis"), values("stale reads"))
    #expect(memory.count == 4 && redis.count == 4 && stale.count == 4, "\(first)")
    #expect(memory.first == 0 && redis.first == 100 && stale.first == 0, "no local copies: \(first)")
    #expect(zip(memory, memory.dropFirst()).allSatisfy { $0 < $1 }, "longer copies hit more: \(memory)")
    #expect(zip(stale, stale.dropFirst()).allSatisfy { $0 < $1 }, "and serve more stale reads: \(stale)")
    #expect(zip(memory, redis).allSatisfy { abs($0 + $1 - 100) < 0.2 }, "a read is one or the other")
    #expect(first.contains("Redis never served an old value here"))
    let (_, second, _) = try run(["lab", "two-level", "--no-color"])
    #expect(second == first, "the workers take turns on a simulated clock, so a run repeats exactly")
  }

  @Test func outsideTheCommandLineTheLabSaysWhereItRuns() throws {
    for name in ["local-vs-shared", "two-level"] {
      let report = try #require(Simulations.named(name)).run()
      #expect(report.table.isEmpty && report.title == "\(name) runs from the cachelings command")
    }
  }
}
