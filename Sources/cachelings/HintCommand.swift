import Arguments
import Course

/// `cachelings hint [EXERCISE]`: the next hint each time, recorded; after the last, all of them again.
enum HintCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    guard let loaded = ExerciseChoice.load(arguments) else { return 2 }
    var progress = loaded.progress
    ExerciseSteps(setup: loaded.setup).showHint(loaded.exercise, progress: &progress)
    return 0
  }
}
