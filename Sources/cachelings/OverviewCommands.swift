import Arguments
import Course
import Foundation

/// A bare `cachelings`, `cachelings list` and `cachelings progress`.
enum OverviewCommands {
  static func run(_ arguments: ParsedArguments, _ command: String) -> Int32 {
    let setup = CourseSetup(noColor: arguments.flag("no-color"))
    let content = setup.loadContent()
    var progress = setup.loadProgress()
    let overview = Overview(
      content: content, progress: progress, console: setup.printer(), now: Date().timeIntervalSince1970,
      program: CourseSetup.program)
    switch command {
    case "list":
      setup.printer().print(overview.list())
    case "progress" where arguments.flag("reset"):
      guard setup.isInteractive else {
        Output.error("progress --reset asks for confirmation, so it needs a terminal")
        return 1
      }
      Output.write(
        "This forgets every lesson read, quiz taken and review scheduled. Type yes to start over: ")
      guard readLine()?.lowercased() == "yes" else {
        Output.write("Nothing changed.\n")
        return 0
      }
      let aside = setup.progressStore.path + ".before-reset"
      try? FileManager.default.removeItem(atPath: aside)
      try? FileManager.default.copyItem(atPath: setup.progressStore.path, toPath: aside)
      progress = CourseProgress()
      setup.save(progress)
      Output.write("Progress reset; the old file is kept as \(aside).\n")
    case "progress":
      setup.printer().print(overview.summary())
    default:
      setup.printer().print(overview.greeting())
    }
    return 0
  }
}
