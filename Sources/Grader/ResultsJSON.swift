import Foundation

/// The report in exercism's results.json layout (version 3), one test per check and backend, each with
/// its backend added; tools that read exercism results read this.
public enum ResultsJSON {
  struct Document: Encodable {
    var version = 3
    var status: String
    var message: String?
    var exercise: String
    var tests: [Test]
    var output: String?
    var seconds: Double
  }

  struct Test: Encodable {
    var name: String
    var backend: String
    var status: String
    var message: String?
    var expected: String?
    var got: String?
    var why: String?
  }

  public static func encode(_ report: GradeReport) -> String {
    let status: String
    var message: String?
    switch report.verdict {
    case .passed: status = "pass"
    case .failed: status = "fail"
    default:
      status = "error"
      message = report.headline
      if case .compileError(let diagnostics) = report.verdict { message = diagnostics }
    }
    let tests = report.cells.map { cell in
      Test(
        name: cell.check, backend: cell.backend.rawValue,
        status: testStatus(cell.status),
        message: cell.details.message
          ?? (cell.status == .notRun ? "not run: the program stopped before this check" : nil),
        expected: cell.details.expected, got: cell.details.got, why: cell.details.why)
    }
    let document = Document(
      status: status, message: message, exercise: report.exercise, tests: tests,
      output: report.output.isEmpty ? nil : report.output,
      seconds: ((report.compileSeconds + report.runSeconds) * 1000).rounded() / 1000)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  /// exercism's name for a cell's status.
  private static func testStatus(_ status: GradeReport.Cell.Status) -> String {
    switch status {
    case .passed: return "pass"
    case .failed: return "fail"
    case .interrupted: return "error"
    case .skipped, .notRun: return "skip"
    }
  }
}
