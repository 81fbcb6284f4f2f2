import Foundation
import Glibc
import TestSupport
import Testing

@testable import Course

/// `watch` in a pseudo-terminal as a learner uses it: keys and saves waited for together, one screen
/// redrawn in place, and the terminal put back however watch ends.
@Suite(.serialized) struct WatchTests {
  let workspace = NSTemporaryDirectory() + "cachelings-watch-\(UUID().uuidString)"

  var environment: [String: String] { LearnerEnvironment.make(workspace: workspace) }

  func start(columns: UInt16 = 100, rows: UInt16 = 32) throws -> PseudoTerminal {
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let terminal = try PseudoTerminal(
      executable: binary, arguments: ["watch", "1", "--backend", "memory"], environment: environment,
      columns: columns, rows: rows)
    #expect(terminal.waitFor(["esc quit"], timeout: 120) != nil, "the key line: \(terminal.text.suffix(800))")
    return terminal
  }

  func saveSolution() throws {
    let exercise = try #require(CourseContent.load(root: EndToEndTests.courseRoot).exercise(named: "1"))
    try Data(contentsOf: URL(fileURLWithPath: exercise.solutionPath))
      .write(to: URL(fileURLWithPath: workspace + "/" + exercise.workspaceFileName), options: .atomic)
  }

  @Test func aSaveAfterCtrlLIsGradedAndCtrlLRedraws() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let terminal = try start()
    let before = terminal.output.count
    // Ctrl-L is not a whole key of its own to a decoder that knows only printable keys: watch used to
    // block reading the keyboard here, and grade nothing until another key came.
    terminal.send("\u{0C}")
    #expect(terminal.waitFor(["esc quit"], after: terminal.text.count) != nil, "Ctrl-L redraws the screen")
    #expect(terminal.output.count > before)
    let offset = terminal.text.count
    try saveSolution()
    #expect(
      terminal.waitFor(["Passed on memory."], after: offset, timeout: 60) != nil,
      "the save is graded: \(terminal.text.suffix(800))")
    terminal.send("q")
    #expect(terminal.wait() == 0)
    #expect(terminal.isCooked)
  }

  @Test func everyGradeRedrawsOneScreenWithTheCourseAndTheKeys() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let terminal = try start(columns: 60, rows: 24)
    let first = terminal.text
    #expect(first.contains("Exercise 1: Cache-aside"))
    #expect(first.contains("0 of 14 exercises passed") || first.contains("exercises passed"))
    #expect(first.contains("q or esc quit"))
    #expect(
      !first.contains("swift run cachelings") && !first.contains("cachelings check"), "keys, not commands")
    let offset = terminal.output.count
    try saveSolution()
    #expect(terminal.waitFor(["Passed on memory."], after: terminal.text.count, timeout: 60) != nil)
    let redraw = Array(terminal.output[offset...])
    #expect(
      String(decoding: redraw, as: UTF8.self).contains("\u{1B}[2J"), "the screen is cleared before a grade")
    let listed = terminal.text.count
    terminal.send("l")
    #expect(terminal.waitFor(["Exercises"], after: listed) != nil)
    #expect(terminal.waitFor(["esc quit"], after: listed) != nil)
    #expect(
      !String(terminal.text.dropFirst(listed)).contains("cachelings "), "the list inside watch names keys")
    terminal.send("\u{1B}")
    #expect(terminal.wait() == 0, "Esc leaves watch")
    #expect(terminal.isCooked)
  }

  @Test func everyWayOutPutsTheTerminalBack() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let ways: [(String, (PseudoTerminal) -> Void)] = [
      ("q", { $0.send("q") }), ("Ctrl-C", { $0.send("\u{03}") }), ("Ctrl-D", { $0.send("\u{04}") }),
      ("SIGTERM", { kill($0.pid, SIGTERM) }),
    ]
    for (name, leave) in ways {
      let terminal = try start()
      leave(terminal)
      _ = terminal.wait()
      #expect(terminal.isCooked, "the terminal is back in cooked mode after \(name)")
    }
  }
}
