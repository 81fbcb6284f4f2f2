import Testing

@testable import Arguments

@Suite struct ArgumentParserTests {
  let parser = ArgumentParser(
    root: CommandSpec(
      "cachelings", summary: "Learn caching.",
      subcommands: [
        CommandSpec(
          "quiz", summary: "Take a lesson's quiz.",
          arguments: [ArgumentSpec("LESSON", help: "lesson number or id", optional: true)],
          options: [
            OptionSpec("answers", value: "LIST", help: "answer without asking"),
            OptionSpec("seed", value: "N", help: "fix the shuffle"),
            OptionSpec("json", help: "print the attempt as JSON"),
          ]),
        CommandSpec(
          "dev", summary: "For authors.",
          subcommands: [CommandSpec("check", summary: "Validate all content.")]),
        CommandSpec(
          "hint", summary: "Show the next hint.", arguments: [ArgumentSpec("EXERCISE", help: "the exercise")]),
      ]))

  @Test func readsOptionsInBothFormsAndPositionalsInAnyOrder() throws {
    let outcome = try parser.parse(["quiz", "--seed=7", "2", "--answers", "B,A+C", "--json"])
    #expect(
      outcome
        == .run(
          ParsedArguments(
            commandPath: ["quiz"], flags: ["json"], values: ["seed": "7", "answers": "B,A+C"],
            positionals: ["2"])))
  }

  @Test func bareRootRunsAndNestedCommandsResolve() throws {
    #expect(try parser.parse([]) == .run(ParsedArguments(commandPath: [])))
    #expect(try parser.parse(["dev", "check"]) == .run(ParsedArguments(commandPath: ["dev", "check"])))
  }

  @Test func helpAnywhereGivesThatCommandsUsage() throws {
    guard case .help(let text) = try parser.parse(["quiz", "3", "-h"]) else {
      Issue.record("expected help")
      return
    }
    #expect(text.hasPrefix("Usage: cachelings quiz [LESSON] [options]\n\nTake a lesson's quiz."))
    #expect(text.contains("  --answers LIST"))
    #expect(text.contains("  -h, --help"))
    guard case .help(let root) = try parser.parse(["--help"]) else { return }
    #expect(root.contains("Commands:\n  quiz"))
  }

  @Test func mistakesSayWhatIsWrongAndSuggest() {
    #expect(throws: ArgumentError.self) { try parser.parse(["quiz", "--anwsers", "B"]) }
    #expect(message(["quiz", "--anwsers", "B"]) == "unknown option '--anwsers' (did you mean '--answers'?)")
    #expect(message(["quizz"]) == "unknown command 'quizz' (did you mean 'quiz'?)")
    #expect(message(["quiz", "--seed"]) == "--seed needs a value (N)")
    #expect(message(["quiz", "1", "2"]) == "unexpected argument '2'")
    #expect(message(["hint"]) == "missing EXERCISE")
    #expect(message(["dev"]) == "cachelings dev needs a command: check")
    #expect(message(["quiz", "--json=yes"]) == "--json takes no value")
    #expect(message(["quiz", "-x"]) == "unknown option '-x'")
  }

  @Test func doubleDashEndsOptions() throws {
    #expect(
      try parser.parse(["quiz", "--", "--json"])
        == .run(ParsedArguments(commandPath: ["quiz"], positionals: ["--json"])))
  }

  private func message(_ arguments: [String]) -> String? {
    do {
      _ = try parser.parse(arguments)
      return nil
    } catch {
      return error.message
    }
  }
}
