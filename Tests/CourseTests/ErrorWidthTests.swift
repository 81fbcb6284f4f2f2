import Foundation
import Terminal
import TestSupport
import Testing

/// An error on a terminal wraps at a word; into a pipe it stays on one line for the program reading it.
@Suite struct ErrorWidthTests {
  let workspace = NSTemporaryDirectory() + "cachelings-error-\(UUID().uuidString)"

  var environment: [String: String] { LearnerEnvironment.make(workspace: workspace) }

  @Test func atSixtyColumnsAnErrorBreaksNoWord() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let terminal = try PseudoTerminal(
      executable: binary, arguments: ["learn", "no-such-lesson"], environment: environment, columns: 60,
      rows: 24)
    #expect(terminal.wait() == 2)
    let lines = terminal.text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 }, "\(lines.filter { DisplayWidth.of($0) > 60 })")
    #expect(lines.count == 2, "the 75-column message takes two lines: \(lines)")
    let words = lines.flatMap { $0.split(separator: " ").map(String.init) }
    #expect(words.contains("shows"), "no word is cut at the edge: \(lines)")
  }

  @Test func intoAPipeAnErrorIsOneLine() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let (status, _, error) = try ProgramRun.run(
      binary, ["learn", "no-such-lesson"], environment: environment)
    #expect(status == 2)
    #expect(
      error == "cachelings: there is no lesson 'no-such-lesson'; `cachelings list` shows them all\n")
  }
}
