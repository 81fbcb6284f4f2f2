import Arguments
import Course
import Foundation
import Glibc
import Grader
import Terminal

/// `cachelings watch [EXERCISE]`: one screen, redrawn in place on every save of the learner's file, with
/// keys for a hint, the task, the full report, the next exercise, the list, redrawing and quitting. Keys
/// and saves are waited for together, so neither holds up the other.
enum WatchCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    guard let loaded = ExerciseChoice.load(arguments) else { return 2 }
    let grading: GradingSetup
    do {
      grading = try GradingSetup.make(arguments, setup: loaded.setup)
    } catch {
      return error.code
    }
    let steps = ExerciseSteps(setup: loaded.setup)
    guard let file = steps.prepare(loaded.exercise, workspace: grading.workspace, quiet: true) else {
      return 1
    }
    guard let watcher = FileWatcher(folder: grading.workspace.folder) else {
      Output.error("could not watch \(grading.workspace.folder) for changes (inotify)")
      return 1
    }
    let terminal = isatty(1) == 1 ? RawTerminal(input: 0) : nil
    defer { terminal?.restore() }
    var session = WatchSession(
      steps: steps, grading: grading, content: loaded.content, progress: loaded.progress,
      exercise: loaded.exercise, file: file, live: terminal != nil)
    session.gradeAndDraw()
    while true {
      switch watcher.wait(for: (session.file as NSString).lastPathComponent, keys: terminal == nil ? nil : 0)
      {
      case .changed:
        session.gradeAndDraw()
      case .input:
        guard let keys = terminal?.availableKeys() else {
          session.leave()
          return 0
        }
        for key in keys {
          guard session.answer(key) else {
            session.leave()
            return 0
          }
        }
      case .failed:
        Output.error("watching stopped: the change notifications failed")
        return 1
      }
    }
  }
}
