import Arguments
import Course
import Terminal

/// `cachelings dev labs`: every simulation a lab block can name, what it shows and the lessons that use it.
enum DevLabsCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    let setup = CourseSetup(noColor: arguments.flag("no-color"))
    list(content: CourseContent.load(root: setup.root), console: setup.printer())
    return 0
  }

  /// Prints each simulation's name, the lessons whose lab blocks run it, and its summary.
  static func list(content: CourseContent, console: Console) {
    for simulation in Simulations.all {
      let users = content.lessons.filter { entry in
        entry.lesson.parts.contains { part in
          if case .lab(let lab) = part { return lab.simulation == simulation.name }
          return false
        }
      }.map { "lesson \($0.lesson.number)" }
      let used = users.isEmpty ? "no lesson yet" : users.joined(separator: ", ")
      console.print(console.paint(simulation.name, .bold) + console.paint("  (\(used))", .dim))
      console.print(wrap(simulation.summary, width: console.width, firstIndent: "  ", indent: "  "))
    }
  }
}
