import Testing

@testable import Arguments

/// Help on a terminal is wrapped to its width between words, a table's help under its own column;
/// into a pipe (no width) its lines are as written.
struct UsageTextTests {
  let command = CommandSpec(
    "check", summary: "Grade your solution of an exercise: a verdict per check and backend.",
    arguments: [ArgumentSpec("EXERCISE", help: "an exercise's number, like 1, or its id", optional: true)],
    options: [
      OptionSpec(
        "backend", value: "NAMES", help: "memory, file, redis, memcached or all; several with commas"),
      OptionSpec("json", help: "print results.json"),
    ],
    discussion:
      "Your copy of the exercise lives in workspace/,\nmade from the starter the first time.\n  Exits 0 when every check passes."
  )

  func usage(width: Int?) -> [String] {
    UsageText(command: command, fullName: "cachelings check", width: width).text
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func onATerminalEveryLineFitsAndHelpStaysInItsColumn() {
    let lines = usage(width: 60)
    #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines)")
    let backend = lines.firstIndex { $0.contains("--backend NAMES") }!
    #expect(lines[backend] == "      --backend NAMES  memory, file, redis, memcached or")
    #expect(lines[backend + 1] == "                       all; several with commas")
    #expect(lines.contains("Grade your solution of an exercise: a verdict per check and"))
    #expect(lines.contains("  Exits 0 when every check passes."), "a line's own indent is kept")
    #expect(
      lines.contains("Your copy of the exercise lives in workspace/, made from the")
        && lines.contains("starter the first time."), "the paragraph's lines are wrapped anew")
  }

  @Test func soNarrowThatHelpGoesUnderItsLabel() {
    let lines = usage(width: 36)
    #expect(lines.allSatisfy { $0.count <= 36 }, "\(lines)")
    let backend = lines.firstIndex { $0.contains("--backend NAMES") }!
    #expect(lines[backend + 1] == "      memory, file, redis, memcached")
  }

  @Test func intoAPipeLinesAreAsWritten() {
    let lines = usage(width: nil)
    #expect(lines.contains("Grade your solution of an exercise: a verdict per check and backend."))
    #expect(
      lines.contains("      --backend NAMES  memory, file, redis, memcached or all; several with commas"))
  }

  @Test func theParserPassesItsWidthOn() throws {
    let parser = ArgumentParser(
      root: CommandSpec("cachelings", summary: "s", subcommands: [command]), width: 40)
    guard case .help(let text) = try parser.parse(["check", "--help"]) else {
      Issue.record("expected help")
      return
    }
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 40 }, "\(text)")
  }
}
