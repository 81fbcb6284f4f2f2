import Course
import Foundation

/// Two modes for ProgressStoreTests. `progress-writer PATH` saves progress in a loop, each time one more
/// hint recorded, until it is killed: the kill test checks that the file left behind always parses.
/// `progress-writer PATH checks COUNT` records COUNT checks of the exercise "fixture", one at a time, as
/// the check command does: the concurrency test runs several at once and counts them all.
let arguments = CommandLine.arguments
guard arguments.count == 2 || (arguments.count == 4 && arguments[2] == "checks" && Int(arguments[3]) != nil)
else {
  print("usage: progress-writer PATH [checks COUNT]")
  exit(2)
}
let store = ProgressStore(path: arguments[1])
if arguments.count == 4 {
  for _ in 0..<Int(arguments[3])! {
    _ = try store.update { $0.exercises["fixture", default: CourseProgress.ExerciseState()].checks += 1 }
  }
  exit(0)
}
var progress = store.load().progress
var round = progress.lessons.values.map(\.page).max() ?? 0
while true {
  round += 1
  progress.hints["lesson/question-\(round % 50)", default: 0] += 1
  progress.lessons["lesson-\(round % 7)", default: CourseProgress.LessonState()].page = round
  try store.save(progress)
}
