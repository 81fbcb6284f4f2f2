import Arguments
import Course
import Foundation

/// `cachelings dev check`: validates all course content, for authors and CI. Beyond the files' format,
/// every reference solution must pass on every backend and every starter must fail.
enum DevCheckCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    let setup = CourseSetup(noColor: arguments.flag("no-color"))
    let content = CourseContent.load(root: setup.root)
    let console = setup.printer()
    var problems = content.errors.count
    for error in content.errors {
      console.print(console.paint("error", [.red, .bold]) + ": \(error)")
    }
    if !arguments.flag("content-only") && !content.exercises.isEmpty {
      guard let grading = try? GradingSetup.make(ParsedArguments(commandPath: ["check"]), setup: setup) else {
        return 1
      }
      for exercise in content.exercises {
        problems += gradeReferences(exercise, grading: grading, setup: setup)
      }
    }
    let questions = content.lessons.compactMap(\.quiz).map(\.questions.count).reduce(0, +)
    let labs = content.lessons.flatMap(\.lesson.pages).flatMap(\.parts).filter {
      if case .lab = $0 { return true } else { return false }
    }.count
    let summary =
      "\(content.lessons.count) lessons, \(questions) quiz questions, \(labs) labs, "
      + "\(content.exercises.count) exercises"
    if problems == 0 {
      console.print(console.paint("dev check: all content is valid", [.green, .bold]) + " (\(summary)).")
      return 0
    }
    console.print(
      console.paint("dev check: \(problems) problem\(problems == 1 ? "" : "s")", [.red, .bold])
        + " (\(summary)).")
    return 1
  }

  /// Grades the reference solution and the starter of exercise; returns how many problems it printed.
  static func gradeReferences(_ exercise: Exercise, grading: GradingSetup, setup: CourseSetup) -> Int {
    let console = setup.printer()
    var problems = 0
    let judges: [(String, (GradeReport, Exercise) -> ReferenceCheck.Finding)] = [
      (exercise.solutionPath, ReferenceCheck.solution), (exercise.starterPath, ReferenceCheck.starter),
    ]
    for (file, judge) in judges {
      let finding: ReferenceCheck.Finding
      do {
        finding = judge(try grading.grader.grade(grading.request(exercise, solution: file)), exercise)
      } catch {
        finding = ReferenceCheck.Finding(file: file, problem: "could not be graded: \(error)", summary: "")
      }
      let name = setup.display(finding.file)
      if let problem = finding.problem {
        problems += 1
        console.print(console.paint("error", [.red, .bold]) + ": \(name): \(problem)")
      } else {
        console.print(console.paint("  ok ", .green) + "\(name): \(finding.summary)")
      }
    }
    return problems
  }
}
