import Foundation
import Glibc
import Testing

@testable import Course
@testable import Grader

/// What a graded program must not get away with: processes that outlive the grade, files left in the
/// temporary folder, the grader's own descriptors, a lost result channel, and being charged once per
/// process for memory its processes share.
@Suite(.serialized) struct GraderContainmentTests {
  let grading = GraderTests()

  @Test(arguments: [true, false])
  func aDoubleForkedSleeperEndsWithTheGrade(namespaces: Bool) throws {
    defer { try? FileManager.default.removeItem(atPath: grading.cache) }
    let report = try grading.grade("double-fork", limits: RunLimits(seconds: 3, namespaces: namespaces))
    #expect(report.verdict == .passed)
    #expect(
      ProcessProbe.eventually(within: 2) { ProcessProbe.sleepers("42.5").isEmpty },
      "the sleeper that left the process group and the session was ended: \(ProcessProbe.sleepers("42.5"))")
  }

  @Test func theTemporaryFolderOfAHungProgramIsRemoved() throws {
    defer { try? FileManager.default.removeItem(atPath: grading.cache) }
    let report = try grading.grade("keeps-temporary-files", limits: RunLimits(seconds: 3, namespaces: false))
    #expect(report.verdict == .timedOut(seconds: 3))
    let line = try #require(report.output.split(separator: "\n").first { $0.hasPrefix("made: ") })
    let folder = String(line.dropFirst("made: ".count))
    #expect(!FileManager.default.fileExists(atPath: folder), "\(folder) was removed with the run")
  }

  @Test func theGradersOwnDescriptorsAreNotPassedOn() throws {
    defer { try? FileManager.default.removeItem(atPath: grading.cache) }
    let leaked = fcntl(open("/dev/null", O_RDONLY | O_CLOEXEC), F_DUPFD, 900)
    defer { close(leaked) }
    #expect(fcntl(leaked, F_GETFD) & FD_CLOEXEC == 0, "the descriptor would survive an exec")
    let report = try grading.grade("lists-descriptors")
    #expect(report.verdict == .passed)
    #expect(!report.output.contains("descriptor \(leaked):"), "\(report.output)")
  }

  @Test(arguments: ["replaces-the-channel", "closes-the-channel"], [true, false])
  func aLostResultChannelIsNamedInTheVerdict(solution: String, namespaces: Bool) throws {
    defer { try? FileManager.default.removeItem(atPath: grading.cache) }
    let report = try grading.grade(solution, limits: RunLimits(seconds: 3, namespaces: namespaces))
    #expect(report.verdict == .lostResultChannel)
    #expect(
      report.headline.contains("closed or replaced the result channel (descriptor 3)"), "\(report.headline)")
  }

  @Test func sharedPagesOfManyProcessesAreChargedOnce() throws {
    defer { try? FileManager.default.removeItem(atPath: grading.cache) }
    let report = try grading.grade(
      "many-sleeping-children", limits: RunLimits(seconds: 8, memoryBytes: 256 << 20))
    #expect(report.verdict == .passed, "200 sleeping copies of a small program fit in 256 MB")
  }

  /// Five rounds of 1,000 scans: other suites run in this process too, so their allocations can land in
  /// any one round, but a leak in the scan grows every round (it grew 117 MB over 5,000 scans).
  @Test func scanningProcessesKeepsTheGradersMemoryFlat() {
    var tree = ProcessTree(root: getpid())
    for _ in 0..<200 { _ = tree.scan() }
    var growth: [Int] = []
    for _ in 0..<5 {
      let before = Self.residentBytes()
      for _ in 0..<1_000 { _ = tree.scan() }
      growth.append(Self.residentBytes() - before)
    }
    let least = growth.min() ?? 0
    #expect(least < 1 << 20, "1,000 scans grew the grader by at least \(least >> 10) KB: \(growth)")
  }

  /// This process's resident bytes, from /proc/self/statm.
  static func residentBytes() -> Int {
    let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
    let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
