import Foundation
import TestSupport
import Testing

@testable import Course

/// `check` at 60 columns through the real binary: the grade matrix wraps its check names, names each
/// failing backend once and explains every mark it shows; a compiler error keeps its caret under the
/// column it points at.
extension TerminalBugTests {
  /// A course of the grader's fixture exercise alone, with the learner's file given.
  func fixtureCourse(solution: String) throws -> String {
    try FixtureCourse.make(course: scratch + "/course", workspace: workspace, solution: solution)
    return scratch + "/course"
  }

  /// The failure headings ("✗ file: name…", continued on indented rows), each as one line.
  static func failureHeadings(_ rows: [String]) -> [String] {
    var headings: [String] = []
    var current: String?
    for row in rows {
      if row.hasPrefix("✗ "), !row.hasPrefix("✗ Exercise") {
        if let current { headings.append(current) }
        current = row
      } else if let heading = current, row.hasPrefix("  "), !row.trimmingCharacters(in: .whitespaces).isEmpty
      {
        current = heading + " " + row.trimmingCharacters(in: .whitespaces)
      } else if let heading = current {
        headings.append(heading)
        current = nil
      }
    }
    return headings + (current.map { [$0] } ?? [])
  }

  @Test func atSixtyColumnsTheMatrixWrapsCheckNamesAndHeadingsNameABackendOnce() throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let (_, screen) = try capture(["check", "1", "--backend", "memory,file"], columns: 60, rows: 24)
    let rows = screen.transcript
    #expect(screen.overflows.isEmpty, "rows wider than 60: \(screen.overflows)")
    #expect(!rows.contains { $0.contains("…") }, "nothing is cut: \(rows.filter { $0.contains("…") })")
    let header = try #require(rows.firstIndex { $0.contains("memory") && $0.contains("file") })
    let legend = try #require(rows[header...].firstIndex { $0.contains("passed") })
    #expect(rows[legend].contains("✓ passed") && rows[legend].contains("✗ failed"), "\(rows[legend])")
    let matrix = rows[(header + 1)..<legend].map { row in
      row.replacingOccurrences(of: "✓", with: " ").replacingOccurrences(of: "✗", with: " ")
    }
    let names = collapsed(matrix.joined(separator: " "))
    let headings = Self.failureHeadings(Array(rows[legend...]))
    #expect(headings.contains { $0.hasPrefix("✗ file: ") }, "a failure on file alone: \(headings)")
    for heading in headings {
      let parts = heading.dropFirst(2).split(separator: ":", maxSplits: 1)
      let backends = parts[0].split(separator: " ")
      #expect(parts[0] == "every backend" || backends.count == 1, "one backend named once: \(heading)")
      #expect(!heading.contains("on memory on file"))
      let name = collapsed(String(parts[1]))
      #expect(names.contains(name), "the check '\(name)' is whole in the matrix: \(matrix)")
    }
  }

  @Test func theLegendExplainsEveryMarkTheMatrixShows() throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let course = try fixtureCourse(solution: "exits-early")
    let (_, screen) = try capture(["check", "1"], columns: 60, rows: 24, course: course)
    let rows = screen.transcript
    let header = try #require(rows.firstIndex { $0.contains("memory") && $0.contains("file") })
    let legendStart = try #require(rows[header...].firstIndex { $0.contains("✓ passed") })
    let matrix = rows[(header + 1)..<legendStart]
    let legend = rows[legendStart...].prefix { !$0.isEmpty }.joined(separator: " ")
    #expect(legend.contains("✓ passed") && legend.contains("✗ failed"))
    let marks = ["! stop", "· -", "· skip"].filter { mark in matrix.contains { $0.contains(mark) } }
    #expect(marks.contains("! stop") && marks.contains("· -"), "the run stopped early: \(matrix)")
    for mark in marks {
      #expect(legend.contains("\(mark): "), "'\(mark)' is explained in the legend: \(legend)")
    }
  }

  @Test func atSixtyColumnsACompilerErrorsCaretStaysUnderItsColumn() throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let course = try fixtureCourse(solution: "compile-error")
    let (_, screen) = try capture(["check", "1"], columns: 60, rows: 24, course: course)
    let rows = screen.transcript
    #expect(screen.overflows.isEmpty, "rows wider than 60: \(screen.overflows)")
    // "…/01-fixture.swift:4:24: error: …" names the line and column the caret points at.
    let located = rows.enumerated().compactMap { index, row -> (index: Int, line: Int, column: Int)? in
      guard let range = row.range(of: ".swift:") else { return nil }
      let numbers = row[range.upperBound...].split(separator: ":").prefix(2).compactMap { Int($0) }
      return numbers.count == 2 ? (index, numbers[0], numbers[1]) : nil
    }
    try #require(!located.isEmpty, "the compiler's errors are shown: \(rows)")
    for error in located {
      let source = try #require(
        rows[error.index...].firstIndex { $0.hasPrefix("\(error.line) | ") }, "line \(error.line) is shown")
      let caretRow = rows[source + 1]
      let caret = try #require(caretRow.firstIndex { $0 == "`" || $0 == "^" }, "a caret under: \(caretRow)")
      let prefix = "\(error.line) | ".count
      #expect(
        caretRow.distance(from: caretRow.startIndex, to: caret) == prefix + error.column - 1, "\(caretRow)")
      let next = rows[source + 2]
      #expect(
        next.isEmpty || next.first?.isNumber == true,
        "the caret line goes on unbroken, the next row is the next source line: '\(next)'")
    }
  }
}
