import Course
import Foundation
import Grader
import Terminal

/// Finds the course folder and the learner's workspace, and builds the console the screens use.
struct CourseSetup {
  let root: String
  let workspace: String
  let theme: Theme
  let width: Int
  /// The terminal's rows when output is a terminal, for screens that page or fit; nil into a pipe.
  let height: Int?
  /// Whether standard output is a terminal, whose width lists follow; a pipe gets them whole.
  let isTerminalOutput: Bool

  init(noColor: Bool) {
    let environment = ProcessInfo.processInfo.environment
    root = CourseFolder.find(
      environment: environment, currentFolder: FileManager.default.currentDirectoryPath,
      executable: Toolchain.executable)
    workspace = environment["CACHELINGS_WORKSPACE"].flatMap { $0.isEmpty ? nil : $0 } ?? root + "/workspace"
    theme = Theme.detect(fd: 1, noColorFlag: noColor)
    width = min(TerminalSize.columns(fd: 1), 100)
    isTerminalOutput = TerminalSize.isTerminal(1)
    height = isTerminalOutput ? TerminalSize.rows(fd: 1) : nil
  }

  /// How the learner runs the course, for the commands the screens suggest: "cachelings" when it was
  /// typed as a name found on PATH (an installed copy, or a link to the build), "swift run cachelings"
  /// when this binary lives in a SwiftPM build folder, else "cachelings".
  static let program: String = {
    let typed = CommandLine.arguments.first ?? ""
    return !typed.contains("/") || CourseFolder.package(building: Toolchain.executable) == nil
      ? "cachelings" : "swift run cachelings"
  }()

  /// A path as the learner would type it: relative to the current folder when it is inside it.
  func display(_ path: String) -> String {
    let here = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
  }

  var progressStore: ProgressStore { ProgressStore(path: workspace + "/progress.json") }

  /// Loads the content; problems are printed for the learner with a pointer to `dev check`.
  func loadContent() -> CourseContent {
    let content = CourseContent.load(root: root)
    if !content.errors.isEmpty {
      Output.error(
        "\(content.errors.count) problem\(content.errors.count == 1 ? "" : "s") in the course files; "
          + "`cachelings dev check` lists them. Lessons with problems are left out.")
    }
    return content
  }

  /// Loads progress, telling the learner if a damaged file was set aside.
  func loadProgress() -> CourseProgress {
    let loaded = progressStore.load()
    if let notice = loaded.notice { Output.error(notice) }
    return loaded.progress
  }

  /// Applies change to the progress on disk under its lock and returns the result, so a command that
  /// ran meanwhile keeps its changes; when it cannot be saved, says so and returns the change applied
  /// to fallback.
  func update(
    _ fallback: CourseProgress, _ change: (inout CourseProgress) -> Void
  ) -> CourseProgress {
    do {
      let loaded = try progressStore.update(change)
      if let notice = loaded.notice { Output.error(notice) }
      return loaded.progress
    } catch {
      Output.error("your progress could not be saved: \(error)")
      var progress = fallback
      change(&progress)
      return progress
    }
  }

  func save(_ progress: CourseProgress) {
    do {
      try progressStore.save(progress)
    } catch {
      Output.error("your progress could not be saved: \(error)")
    }
  }

  /// A console writing to standard output that reads nothing: for printing only.
  func printer() -> Console {
    Console(
      theme: theme, width: width, isInteractive: false, write: Output.write, height: height,
      followsWidth: isTerminalOutput)
  }

  /// Asks a yes-or-no question and reads the answer as a line, from a terminal as from a pipe; only
  /// y or yes says yes. (A raw-mode console reads keys, not lines, so it cannot take this answer.)
  func confirm(_ question: String) -> Bool {
    Output.write(question + " [y/N] ")
    return ["y", "yes"].contains(Swift.readLine()?.lowercased() ?? "")
  }

  /// Runs body with a console reading keys from a raw-mode terminal when both ends are terminals, else
  /// reading lines from standard input.
  func withConsole<T>(_ body: (Console) -> T) -> T {
    if isatty(1) == 1, let terminal = RawTerminal(input: 0) {
      defer { terminal.restore() }
      return body(
        Console(
          theme: theme, width: width, isInteractive: true, write: Output.write, readKey: terminal.readKey,
          height: height))
    }
    return body(
      Console(
        theme: theme, width: width, isInteractive: false, write: Output.write, readLine: { Swift.readLine() })
    )
  }

  /// Whether the course can talk with the learner key by key.
  var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }
}
