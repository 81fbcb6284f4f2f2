import Arguments
import Course
import Primitives

/// `cachelings lab [NAME]`: runs a simulation and draws it as a lesson's lab block does; without a name,
/// lists the labs.
enum LabCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    let setup = CourseSetup(noColor: arguments.flag("no-color"))
    let console = setup.printer()
    guard let name = arguments.positionals.first else {
      DevLabsCommand.list(content: CourseContent.load(root: setup.root), console: console)
      console.print()
      console.print(console.markdown("Run one with `\(CourseSetup.program) lab NAME`."))
      return 0
    }
    guard let simulation = Simulations.named(name) else {
      let hint = Suggestions.didYouMean(name, among: Simulations.all.map(\.name))
      Output.error("there is no lab '\(name)'\(hint); `\(CourseSetup.program) lab` lists them all")
      return 2
    }
    console.print(BlockView(console: console).lab(simulation))
    return 0
  }
}
