import Foundation
import GradeProtocol

/// Everything one grading run found: the overall verdict, one cell per check and backend, and what the
/// program printed.
public struct GradeReport: Sendable, Equatable {
  public enum Verdict: Sendable, Equatable {
    case passed
    /// At least one check failed on at least one backend.
    case failed
    /// The compiler's diagnostics.
    case compileError(String)
    case timedOut(seconds: Double)
    /// The signal's name, such as SIGSEGV.
    case crashed(signal: String)
    case killedForMemory(megabytes: Int)
    /// The program exited by itself before finishing its checks.
    case exitedEarly(status: Int32)
    /// Every check ran and none failed, but none passed either: they were all skipped.
    case nothingPassed
    /// The program changed files of the course (they were put back); no verdict on it counts.
    case changedCourseFiles([String])
    /// The program closed or replaced descriptor 3, the result channel, while it ran, so its results
    /// could not reach the grader.
    case lostResultChannel
  }

  /// One check on one backend.
  public struct Cell: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable {
      case passed, failed, skipped
      /// The check was running when the program stopped.
      case interrupted
      case notRun = "not run"
    }

    public var check: String
    public var backend: Backend
    public var status: Status
    /// What the check said, its control characters made visible.
    public var details = CheckDetails()
    public var milliseconds: Double?
    /// The check's place in the exercise, for the order of the report.
    public var order = 0
  }

  public var exercise: String
  public var verdict: Verdict
  public var cells: [Cell]
  /// The first part of stdout and stderr, and how many bytes beyond it were dropped.
  public var output: String
  public var droppedOutputBytes: Int
  public var compileSeconds: Double
  public var runSeconds: Double
  /// Whether the program came from the cache of compiled programs.
  public var cachedProgram: Bool

  public var passed: Bool { verdict == .passed }

  /// The check names in the order they ran.
  public var checks: [String] { cells.map(\.check).uniqued() }
  /// The backends in the order they ran.
  public var backends: [Backend] { cells.map(\.backend).uniqued() }
  /// The cell that was running when the program stopped, if one was.
  public var interrupted: Cell? { cells.first { $0.status == .interrupted } }
  /// The failures, in the order they ran.
  public var failures: [Cell] { cells.filter { $0.status == .failed } }

  /// A duration as the reports print it: "0.84 s" below ten seconds, whole seconds above.
  public static func seconds(_ value: Double) -> String {
    guard value < 10 else { return "\(Int(value.rounded())) s" }
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
  }

  /// One line on what happened overall, naming the check that was running when the program stopped.
  public var headline: String {
    let during = interrupted.map { " during \"\($0.check)\" on \($0.backend.rawValue)" } ?? ""
    switch verdict {
    case .passed: return "every check passes"
    case .failed: return "some checks fail"
    case .compileError: return "your code does not compile"
    case .timedOut(let seconds): return "stopped after \(Self.seconds(seconds))\(during): it ran out of time"
    case .crashed(let signal): return "crashed with \(signal)\(during)"
    case .killedForMemory(let megabytes):
      return "stopped at \(megabytes) MB\(during): it used too much memory"
    case .exitedEarly(let status):
      return "the program exited (status \(status))\(during) before its checks finished"
    case .nothingPassed: return "no check passed: every check was skipped"
    case .changedCourseFiles(let paths):
      let names = paths.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
      return "the program changed the exercise's \(names), which only the course may change"
    case .lostResultChannel:
      return
        "the program closed or replaced the result channel (descriptor 3)\(during), so no result could be read"
    }
  }
}

extension Array where Element: Hashable {
  func uniqued() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
