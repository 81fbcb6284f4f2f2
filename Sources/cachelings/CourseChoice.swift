import Arguments
import Course

/// What a lesson or exercise command starts from: the course set up, its content and progress, and the
/// lesson or exercise its first argument names (or, without one, the one the learner is at).
struct CourseChoice<Item> {
  let setup: CourseSetup
  let content: CourseContent
  var progress: CourseProgress
  let item: Item

  /// Sets up the course, loads content and progress, and chooses the item the first argument names with
  /// `choose` (a CourseContent method); nil, after saying why, when there is none to choose.
  static func load(
    _ arguments: ParsedArguments,
    choosing choose: (CourseContent) -> (String?, CourseProgress) -> Result<Item, ContentChoiceError>
  ) -> CourseChoice? {
    let setup = CourseSetup(noColor: arguments.flag("no-color"))
    let content = setup.loadContent()
    let progress = setup.loadProgress()
    switch choose(content)(arguments.positionals.first, progress) {
    case .success(let item):
      return CourseChoice(setup: setup, content: content, progress: progress, item: item)
    case .failure(let error):
      Output.error(error.description)
      return nil
    }
  }
}
