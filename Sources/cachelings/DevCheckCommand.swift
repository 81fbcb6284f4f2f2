import Arguments
import Course

/// `cachelings dev check`: validates all course content, for authors and CI.
enum DevCheckCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    let setup = CourseSetup(noColor: arguments.flag("no-color"))
    let content = CourseContent.load(root: setup.root)
    let console = setup.printer()
    for error in content.errors {
      console.print(console.paint("error", [.red, .bold]) + ": \(error)")
    }
    let questions = content.lessons.compactMap(\.quiz).map(\.questions.count).reduce(0, +)
    let labs = content.lessons.flatMap(\.lesson.pages).flatMap(\.parts).filter {
      if case .lab = $0 { return true } else { return false }
    }.count
    let summary = "\(content.lessons.count) lessons, \(questions) quiz questions, \(labs) labs"
    if content.errors.isEmpty {
      console.print(console.paint("dev check: all content is valid", [.green, .bold]) + " (\(summary)).")
      return 0
    }
    console.print(
      console.paint(
        "dev check: \(content.errors.count) problem\(content.errors.count == 1 ? "" : "s")", [.red, .bold])
        + " (\(summary)).")
    return 1
  }
}
