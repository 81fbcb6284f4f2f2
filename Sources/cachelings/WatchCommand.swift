import Arguments
import Course
import Foundation
import Terminal

#if canImport(Glibc)
import Glibc
#endif

/// `cachelings watch [EXERCISE]`: grades now and again on every save of the learner's file, with keys for
/// a hint, the next exercise, the list and quitting.
enum WatchCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    guard let loaded = ExerciseChoice.load(arguments) else { return 2 }
    let setup = loaded.setup
    let content = loaded.content
    var progress = loaded.progress
    var exercise = loaded.exercise
    let grading: GradingSetup
    do {
      grading = try GradingSetup.make(arguments, setup: setup)
    } catch {
      return error.code
    }
    let steps = ExerciseSteps(setup: setup)
    let console = steps.console
    guard var file = steps.prepare(exercise, workspace: grading.workspace, quiet: false) else { return 1 }
    guard let watcher = FileWatcher(folder: grading.workspace.folder) else {
      Output.error("could not watch \(grading.workspace.folder) for changes (inotify)")
      return 1
    }
    let terminal = isatty(1) == 1 ? RawTerminal(input: 0) : nil
    defer { terminal?.restore() }
    let keys = terminal == nil ? "" : "  h hint  n next exercise  l list  q quit"

    var first = true
    func gradeAndShow() {
      // The first report stays under the task; later ones replace the screen.
      if terminal != nil && !first { console.clearScreen() }
      first = false
      guard let report = steps.grade(exercise, file: file, grading: grading, progress: &progress) else {
        return
      }
      steps.show(report, exercise: exercise, file: file, content: content, progress: progress)
      console.print()
      console.print(console.paint("Watching \(setup.display(file)) for changes." + keys, .dim))
    }

    gradeAndShow()
    while true {
      switch watcher.wait(for: (file as NSString).lastPathComponent, keys: terminal == nil ? nil : 0) {
      case .changed:
        gradeAndShow()
      case .input:
        switch terminal?.readKey() {
        case .character("h"):
          console.print()
          steps.showHint(exercise, progress: &progress)
        case .character("n"):
          let next = content.exercises.first { $0.number > exercise.number } ?? content.exercises[0]
          guard let nextFile = steps.prepare(next, workspace: grading.workspace, quiet: true) else {
            continue
          }
          exercise = next
          file = nextFile
          if terminal != nil { console.clearScreen() }
          steps.showTask(exercise)
          first = true
          gradeAndShow()
        case .character("l"):
          console.print()
          let now = Date().timeIntervalSince1970
          console.print(
            Overview(
              content: content, progress: progress, console: console, now: now, program: CourseSetup.program
            )
            .list())
        case .character("q"), .character("Q"), .escape, .interrupt, .endOfInput, nil:
          console.print()
          return 0
        default:
          continue
        }
      case .failed:
        Output.error("watching stopped: the change notifications failed")
        return 1
      }
    }
  }
}
