import Course
import Foundation

/// Saves progress in a loop, each time one more hint recorded, until it is killed: the kill test in
/// ProgressStoreTests checks that the file left behind always parses.
guard CommandLine.arguments.count == 2 else {
  print("usage: progress-writer PATH")
  exit(2)
}
let store = ProgressStore(path: CommandLine.arguments[1])
var progress = store.load().progress
var round = progress.lessons.values.map(\.page).max() ?? 0
while true {
  round += 1
  progress.hints["lesson/question-\(round % 50)", default: 0] += 1
  progress.lessons["lesson-\(round % 7)", default: CourseProgress.LessonState()].page = round
  try store.save(progress)
}
