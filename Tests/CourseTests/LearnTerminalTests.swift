import Foundation
import TestSupport
import Testing

/// `learn` and `quiz` in a 60x24 pseudo-terminal: no screen is taller than the terminal, so nothing
/// scrolls away unread.
@Suite struct LearnTerminalTests {
  let workspace = NSTemporaryDirectory() + "cachelings-learn-\(UUID().uuidString)"

  @Test func everyScreenFitsASixtyByTwentyFourTerminal() throws {
    // A prediction, a myth's "true", "more" and "next": each key is ignored where it means nothing.
    let output = try run(
      ["learn", "1"], firstShowing: "screen 1 of",
      typing: Array(repeating: ["a", "t", " "], count: 6).joined(),
      pause: 0.3)
    // What learn prints after leaving is below the last screen, not on it.
    expectScreensFit(output.components(separatedBy: "Your place is kept")[0])
  }

  @Test func everyQuizScreenFitsASixtyByTwentyFourTerminal() throws {
    // An answer (wrong often enough to show the long feedback), enter for several, then "more" and "next".
    let output = try run(
      ["quiz", "1", "--seed", "3"], firstShowing: "question 1 of",
      typing: Array(repeating: ["b", "\r", " ", " "], count: 5).joined(), pause: 0.2)
    expectScreensFit(output)
  }

  /// Runs cachelings in a 60x24 pseudo-terminal of a fresh learner: once `first` is shown, types each key,
  /// waiting `pause` seconds for its screen to be drawn, then q; returns all the program printed.
  func run(
    _ arguments: [String], firstShowing first: String, typing keys: some Sequence<String>, pause: Double
  ) throws -> String {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let terminal = try PseudoTerminal(
      executable: binary, arguments: arguments, environment: LearnerEnvironment.make(workspace: workspace),
      columns: 60, rows: 24)
    #expect(terminal.waitFor([first], timeout: 30) != nil)
    for key in keys {
      terminal.send(key)
      // Gives the screen time to be drawn before the next key; what is asserted comes after.
      _ = terminal.waitFor(["never printed"], timeout: pause)
    }
    terminal.send("q")
    _ = terminal.wait()
    return String(decoding: terminal.output, as: UTF8.self)
  }

  /// Expects several screens, each cleared and drawn afresh, none taller than the terminal's 24 rows.
  func expectScreensFit(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let screens = output.components(separatedBy: "\u{1B}[2J")
    #expect(screens.count > 3, "several screens were shown", sourceLocation: sourceLocation)
    for screen in screens {
      var lines = PseudoTerminal.plain(Array(screen.utf8)).split(
        separator: "\n", omittingEmptySubsequences: false)
      // The blank lines that end the program are below its last screen.
      while lines.last?.isEmpty == true { lines.removeLast() }
      #expect(lines.count <= 24, "a screen of \(lines.count) lines: \(lines)", sourceLocation: sourceLocation)
    }
  }
}
