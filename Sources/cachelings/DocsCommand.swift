import Arguments
import Course
import Primitives

/// `cachelings docs [NAME]`: the index of CacheKit and ExerciseKit, or one type's page, read from the
/// doc comments in the course's Sources/ and shown through the pager on a terminal.
enum DocsCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    let setup = CourseSetup(noColor: arguments.flag("no-color"))
    let program = CourseSetup.program
    let reference: APIReference
    do {
      reference = try APIReference.load(root: setup.root)
    } catch {
      Output.error("\(error)")
      return 1
    }
    let view = DocsView(console: setup.printer())
    guard let name = arguments.positionals.first else {
      Pager.show(view.index(reference, program: program))
      return 0
    }
    let found = reference.lookup(name)
    if !found.isEmpty {
      Pager.show(view.page(found, in: reference))
      return 0
    }
    let owners = reference.owners(ofMember: name)
    if owners.count == 1, let owner = owners.first {
      Pager.show(view.page(reference.lookup(owner), in: reference))
      return 0
    }
    if !owners.isEmpty {
      Output.error(
        "'\(name)' is a member of \(owners.joined(separator: ", ")); name one: `\(program) docs \(owners[0])`"
      )
      return 2
    }
    let hint = Suggestions.didYouMean(name, among: reference.names)
    Output.error(
      "there is no type or function '\(name)' in CacheKit or ExerciseKit\(hint); `\(program) docs` lists them"
    )
    return 2
  }
}
