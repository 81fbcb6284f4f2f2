import Foundation
import TestSupport
import Testing

/// `learn` and `quiz` in a 60x24 pseudo-terminal: no screen is taller than the terminal, so nothing
/// scrolls away unread.
@Suite struct LearnTerminalTests {
  let workspace = NSTemporaryDirectory() + "cachelings-learn-\(UUID().uuidString)"

  @Test func everyScreenFitsASixtyByTwentyFourTerminal() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let environment = LearnerEnvironment.make(workspace: workspace)
    let terminal = try PseudoTerminal(
      executable: binary, arguments: ["learn", "1"], environment: environment, columns: 60, rows: 24)
    #expect(terminal.waitFor(["screen 1 of"], timeout: 30) != nil)
    // A prediction, a myth's "true", "more" and "next": each key is ignored where it means nothing.
    for key in Array(repeating: ["a", "t", " "], count: 6).joined() {
      terminal.send(key)
      // Gives the screen time to be drawn before the next key; what is asserted comes after.
      _ = terminal.waitFor(["never printed"], timeout: 0.3)
    }
    terminal.send("q")
    _ = terminal.wait()
    // What learn prints after leaving is below the last screen, not on it.
    let shown = String(decoding: terminal.output, as: UTF8.self).components(
      separatedBy: "Your place is kept")[0]
    let screens = shown.components(separatedBy: "\u{1B}[2J")
    #expect(screens.count > 3, "several screens were shown")
    for screen in screens {
      var lines = PseudoTerminal.plain(Array(screen.utf8)).split(
        separator: "\n", omittingEmptySubsequences: false)
      // The blank lines that end the program are below its last screen.
      while lines.last?.isEmpty == true { lines.removeLast() }
      #expect(lines.count <= 24, "a screen of \(lines.count) lines: \(lines)")
    }
  }

  @Test func everyQuizScreenFitsASixtyByTwentyFourTerminal() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let terminal = try PseudoTerminal(
      executable: binary, arguments: ["quiz", "1", "--seed", "3"],
      environment: LearnerEnvironment.make(workspace: workspace), columns: 60, rows: 24)
    #expect(terminal.waitFor(["question 1 of"], timeout: 30) != nil)
    // An answer (wrong often enough to show the long feedback), enter for several, then "more" and "next".
    for key in Array(repeating: ["b", "\r", " ", " "], count: 5).joined() {
      terminal.send(key)
      _ = terminal.waitFor(["never printed"], timeout: 0.2)
    }
    terminal.send("q")
    _ = terminal.wait()
    let screens = String(decoding: terminal.output, as: UTF8.self).components(separatedBy: "\u{1B}[2J")
    #expect(screens.count > 3, "several screens were shown")
    for screen in screens {
      var lines = PseudoTerminal.plain(Array(screen.utf8)).split(
        separator: "\n", omittingEmptySubsequences: false)
      // The blank lines that end the program are below its last screen.
      while lines.last?.isEmpty == true { lines.removeLast() }
      #expect(lines.count <= 24, "a screen of \(lines.count) lines: \(lines)")
    }
  }
}
