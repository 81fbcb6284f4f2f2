import Course
import Foundation
import Grader
import Terminal

/// The state of one `watch`: the exercise and its file, the last report, and what each key does. On a
/// terminal every grade redraws one screen in place; into a pipe each grade is printed after the last.
struct WatchSession {
  let steps: ExerciseSteps
  let grading: GradingSetup
  let content: CourseContent
  var progress: CourseProgress
  var exercise: Exercise
  var file: String
  /// Whether output is a terminal, so the screen is cleared and redrawn.
  let live: Bool
  private var report: GradeReport?

  init(
    steps: ExerciseSteps, grading: GradingSetup, content: CourseContent, progress: CourseProgress,
    exercise: Exercise, file: String, live: Bool
  ) {
    self.steps = steps
    self.grading = grading
    self.content = content
    self.progress = progress
    self.exercise = exercise
    self.file = file
    self.live = live
  }

  private var console: Console { steps.console }

  /// Grades the file, records the grade, and draws the screen.
  mutating func gradeAndDraw() {
    if live {
      clear()
      console.print(console.fit(console.paint("Grading \(steps.setup.display(file))", .dim)))
    }
    report = steps.grade(exercise, file: file, grading: grading, progress: &progress)
    // When grading could not run, its reason (on standard error) stays above the screen.
    draw(clearing: report != nil)
  }

  /// The screen for the last report, from the top on a terminal when clearing.
  func draw(clearing: Bool = true) {
    if clearing { clear() }
    let place = WatchScreen.Place(exercise, in: content, progress: progress)
    let next = steps.watchNext(report, exercise: exercise, file: file, content: content, progress: progress)
    console.print(WatchScreen(console: console).lines(report, place: place, next: next))
  }

  /// Does what a key asks; false when it asks to leave.
  mutating func answer(_ key: Key) -> Bool {
    switch key {
    case .character("h"), .character("H"):
      console.print()
      steps.showHint(exercise, progress: &progress, inWatch: true)
      keyLine()
    case .character("t"):
      console.print()
      steps.showTask(exercise)
      keyLine()
    case .character("f"):
      guard let report else { return true }
      console.print()
      GradeView(console: console).show(report, title: "Exercise \(exercise.number), \(exercise.title)")
      keyLine()
    case .character("n"):
      let next = content.exercises.first { $0.number > exercise.number } ?? content.exercises[0]
      guard let nextFile = steps.prepare(next, workspace: grading.workspace, quiet: true) else { return true }
      exercise = next
      file = nextFile
      gradeAndDraw()
    case .character("l"):
      console.print()
      let overview = Overview(
        content: content, progress: progress, console: console, now: Date().timeIntervalSince1970,
        program: CourseSetup.program)
      console.print(overview.list(withNext: false))
      keyLine()
    case .control("l"):
      draw()
    case .character("q"), .character("Q"), .escape, .interrupt, .endOfInput:
      return false
    default:
      break
    }
    return true
  }

  /// Leaves the screen with the prompt on a line of its own.
  func leave() {
    console.print()
  }

  /// The keys again under what a key printed, so they stay in view.
  private func keyLine() {
    console.print()
    console.print(console.keyHelp(WatchScreen.keys))
  }

  private func clear() {
    if live { Output.write("\u{1B}[H\u{1B}[2J") }
  }
}
