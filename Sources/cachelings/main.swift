import Arguments
import Course
import Foundation
import Glibc
import Terminal

/// The command line. It only wires: the course, the grader and the servers live in their modules.
let version = "0.2.0"

if let worker = ProcessInfo.processInfo.environment[LabWorker.variable] {
  exit(LabWorker.run(worker))
}
ProcessLabs.localVsShared.install(LocalVsSharedLab.run)
ProcessLabs.twoLevel.install(TwoLevelLab.run)

let arguments = Array(CommandLine.arguments.dropFirst())
// Help on a terminal is wrapped to its width; into a pipe it is left whole.
let parser = ArgumentParser(
  root: CommandTree.root, width: TerminalSize.isTerminal(1) ? TerminalSize.columns() : nil)
do {
  switch try parser.parse(arguments) {
  case .help(let text):
    print(text)
  case .run(let parsed):
    if parsed.flag("version") {
      print("cachelings \(version)")
      exit(0)
    }
    switch parsed.commandPath.first {
    case "learn": exit(LearnCommand.run(parsed))
    case "quiz": exit(QuizCommand.run(parsed))
    case "review": exit(ReviewCommand.run(parsed))
    case "check":
      SignalEnding.install()
      exit(CheckCommand.run(parsed))
    case "watch":
      SignalEnding.install()
      exit(WatchCommand.run(parsed))
    case "hint": exit(HintCommand.run(parsed))
    case "reset": exit(ResetCommand.run(parsed))
    case "solution": exit(SolutionCommand.run(parsed))
    case "lab": exit(LabCommand.run(parsed))
    case "docs": exit(DocsCommand.run(parsed))
    case "serve": exit(ServeCommand.run(parsed, usage: parser.usage(forPath: parsed.commandPath)))
    case "dev":
      switch parsed.commandPath.dropFirst().first {
      case "coverage": exit(DevCoverageCommand.run(parsed))
      case "labs": exit(DevLabsCommand.run(parsed))
      default:
        SignalEnding.install()
        exit(DevCheckCommand.run(parsed))
      }
    case let command: exit(OverviewCommands.run(parsed, command ?? ""))
    }
  }
} catch {
  exit(UsageError.report(error.message, usage: error.usage))
}
