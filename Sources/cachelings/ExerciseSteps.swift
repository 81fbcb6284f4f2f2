import Course
import Foundation
import Grader
import Terminal

/// The steps of working on an exercise that `check`, `watch` and `hint` share: the learner's file made
/// from the starter, the task, a grade recorded in progress, the report with what to do next, and the
/// next hint.
struct ExerciseSteps {
  let setup: CourseSetup
  var console: Console { setup.printer() }

  /// The learner's file, made from the starter on first use (with the task shown then).
  func prepare(_ exercise: Exercise, workspace: ExerciseWorkspace, quiet: Bool) -> String? {
    do {
      let (file, created) = try workspace.prepare(exercise)
      if created && !quiet {
        showTask(exercise)
        let copy =
          console.paint("Your copy of the starter is ", .dim) + console.paint(setup.display(file), .bold)
          + console.paint(": edit it, save, and check again.", .dim)
        console.print(wrap(copy, width: console.width))
        console.print()
      }
      return file
    } catch {
      Output.error("could not copy the starter into \(setup.workspace): \(error)")
      return nil
    }
  }

  func showTask(_ exercise: Exercise) {
    console.print(
      console.fit(console.paint("Exercise \(exercise.number): \(exercise.title)", [.bold, .cyan])))
    console.print()
    console.print(console.markdown(exercise.task))
    console.print()
  }

  /// Grades and records the attempt; nil (with the reason printed) when grading could not happen.
  func grade(
    _ exercise: Exercise, file: String, grading: GradingSetup, progress: inout CourseProgress
  ) -> GradeReport? {
    let report: GradeReport
    do {
      report = try grading.grade(exercise, solution: file)
    } catch {
      Output.error("\(error)")
      return nil
    }
    progress = setup.update(progress) { $0.record(report, of: exercise) }
    return report
  }

  /// The report, then what to do next: complete on every backend, compare with the reference, or edit.
  func show(
    _ report: GradeReport, exercise: Exercise, file: String, content: CourseContent, progress: CourseProgress
  ) {
    GradeView(console: console).show(report, title: "Exercise \(exercise.number), \(exercise.title)")
    console.print()
    let program = CourseSetup.program
    if report.passed && !report.completes(exercise) {
      console.print(
        console.markdown(
          "Passed on \(report.backends.map(\.rawValue).joined(separator: ", ")). To complete the exercise, every "
            + "check must pass on every backend with the course's own servers: "
            + "`\(program) check \(exercise.number)`."))
    } else if report.passed {
      let next = content.exercises.first {
        $0.number > exercise.number && progress.exercises[$0.id]?.passed != true
      }
      var lines = [
        "Passed, and recorded in your progress. Compare with the reference: `\(program) solution \(exercise.number)`."
      ]
      if let next {
        lines.append("Next: exercise \(next.number), \(next.title): `\(program) check \(next.number)`.")
      }
      console.print(console.markdown(lines.joined(separator: "\n\n")))
    } else {
      console.print(
        console.markdown(
          "Edit `\(setup.display(file))`, then `\(program) check \(exercise.number)` again "
            + "(or `\(program) watch \(exercise.number)` to re-check on every save). "
            + "Stuck? `\(program) hint \(exercise.number)`."))
    }
  }

  /// What to do next inside watch, by the keys it answers rather than commands to run (Markdown).
  func watchNext(
    _ report: GradeReport?, exercise: Exercise, file: String, content: CourseContent,
    progress: CourseProgress
  ) -> String {
    guard let report else { return "Grading could not run (the reason is above). Save again to retry." }
    if report.passed && !report.completes(exercise) {
      return
        "Passed on \(report.backends.map(\.rawValue).joined(separator: ", ")). To complete the exercise, "
        + "every check must pass on every backend with the course's own servers: start watch without `--backend`."
    }
    if report.passed {
      let next = content.exercises.first {
        $0.number > exercise.number && progress.exercises[$0.id]?.passed != true
      }
      let onward =
        next.map { "Press **n** for exercise \($0.number), \($0.title)." }
        ?? "Every exercise after it is passed."
      return "Passed, and recorded in your progress. \(onward)"
    }
    return
      "Edit `\(setup.display(file))` and save: it is graded again at once. Stuck? Press **h** for a hint."
  }

  /// The next hint, recorded in progress; after the last, every hint again.
  /// Inside watch the way to the next hint is its key, not a command.
  func showHint(_ exercise: Exercise, progress: inout CourseProgress, inWatch: Bool = false) {
    var state = progress.exercises[exercise.id] ?? CourseProgress.ExerciseState()
    let total = exercise.hints.count
    if state.hintsTaken >= total {
      console.print(
        console.fit(console.paint("All \(total) hints of exercise \(exercise.number), once more:", .bold)))
      for (index, hint) in exercise.hints.enumerated() {
        console.print()
        console.print(console.paint("Hint \(index + 1)", .cyan))
        console.print(console.markdown(hint))
      }
      return
    }
    state.hintsTaken += 1
    let taken = state.hintsTaken
    progress = setup.update(progress) { latest in
      var current = latest.exercises[exercise.id] ?? CourseProgress.ExerciseState()
      current.hintsTaken = max(current.hintsTaken, taken)
      latest.exercises[exercise.id] = current
    }
    console.print(
      console.fit(
        console.paint("Hint \(state.hintsTaken) of \(total)", [.bold, .cyan])
          + console.paint(" for exercise \(exercise.number), \(exercise.title)", .dim)))
    console.print()
    console.print(console.markdown(exercise.hints[state.hintsTaken - 1]))
    if state.hintsTaken < total {
      console.print()
      let again =
        inWatch
        ? "Press h again for the next one; each is more direct."
        : "Run `\(CourseSetup.program) hint \(exercise.number)` again for the next one; each is more direct."
      console.print(console.markdown(again).map { console.paint($0, .dim) })
    }
  }
}
