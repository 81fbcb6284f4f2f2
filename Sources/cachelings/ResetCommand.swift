import Arguments
import Course

/// `cachelings reset EXERCISE`: puts the starter back after asking; the learner's version is kept aside.
enum ResetCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    guard let loaded = ExerciseChoice.load(arguments) else { return 2 }
    let setup = loaded.setup
    let exercise = loaded.exercise
    let workspace = ExerciseWorkspace(folder: setup.workspace)
    let file = setup.display(workspace.file(for: exercise))
    let question =
      "Replace \(file) with the starter of exercise \(exercise.number)? Your version is kept aside."
    guard arguments.flag("yes") || setup.confirm(question) else {
      Output.write("Nothing changed.\n")
      return 0
    }
    do {
      let kept = try workspace.reset(exercise)
      Output.write("\(file) is the starter again.\n")
      if let kept { Output.write("Your previous version is in \(setup.display(kept)).\n") }
      return 0
    } catch {
      Output.error("could not reset \(file): \(error)")
      return 1
    }
  }
}
