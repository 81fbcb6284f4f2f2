import Arguments
import Course
import Foundation
import Terminal

/// `cachelings check [EXERCISE]`: grades the learner's file on every backend and records a pass.
enum CheckCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    guard let loaded = ExerciseChoice.load(arguments) else { return 2 }
    let setup = loaded.setup
    let content = loaded.content
    var progress = loaded.progress
    let exercise = loaded.exercise
    let console = setup.printer()
    if arguments.flag("task") {
      showTask(exercise, setup: setup, console: console)
      return 0
    }
    let grading: GradingSetup
    do {
      grading = try GradingSetup.make(arguments, setup: setup)
    } catch {
      return error.code
    }
    let json = arguments.flag("json")
    guard let file = prepare(exercise, grading: grading, setup: setup, console: console, quiet: json) else {
      return 1
    }
    guard let report = grade(exercise, file: file, grading: grading, setup: setup, progress: &progress) else {
      return 1
    }
    if json {
      Output.write(ResultsJSON.encode(report) + "\n")
    } else {
      show(report, exercise: exercise, file: file, content: content, progress: progress, setup: setup)
    }
    return report.passed ? 0 : 1
  }

  /// The learner's file, made from the starter on first use (with the task shown then).
  static func prepare(
    _ exercise: Exercise, grading: GradingSetup, setup: CourseSetup, console: Console, quiet: Bool
  ) -> String? {
    do {
      let (file, created) = try grading.workspace.prepare(exercise)
      if created && !quiet {
        showTask(exercise, setup: setup, console: console)
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

  static func showTask(_ exercise: Exercise, setup: CourseSetup, console: Console) {
    console.print(console.paint("Exercise \(exercise.number): \(exercise.title)", [.bold, .cyan]))
    console.print()
    console.print(console.markdown(exercise.task))
    console.print()
  }

  /// Grades and records the attempt; nil (with the reason printed) when grading could not happen.
  static func grade(
    _ exercise: Exercise, file: String, grading: GradingSetup, setup: CourseSetup,
    progress: inout CourseProgress
  ) -> GradeReport? {
    let report: GradeReport
    do {
      report = try grading.grader.grade(grading.request(exercise, solution: file))
    } catch {
      Output.error("\(error)")
      return nil
    }
    progress = setup.update(progress) { $0.record(report, of: exercise) }
    return report
  }

  static func show(
    _ report: GradeReport, exercise: Exercise, file: String, content: CourseContent, progress: CourseProgress,
    setup: CourseSetup
  ) {
    let console = setup.printer()
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
}
