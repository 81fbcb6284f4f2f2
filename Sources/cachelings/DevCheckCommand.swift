import Arguments
import Course
import Foundation
import Grader

/// `cachelings dev check`: validates all course content, for authors and CI. Beyond the files' format,
/// every lesson and quiz meets the content standard, every Swift block of a lesson compiles, every
/// reference solution passes on every backend and every starter fails.
enum DevCheckCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    let setup = CourseSetup(noColor: arguments.flag("no-color"))
    let content = CourseContent.load(root: setup.root)
    let console = setup.printer()
    var problems = 0
    func report(_ errors: [ContentError]) {
      problems += errors.count
      for error in errors {
        console.print(console.paint("error", [.red, .bold]) + ": " + display(error, setup: setup))
      }
    }
    report(content.errors)
    report(ContentStandard.review(content))
    var code = "Swift blocks not compiled"
    if !arguments.flag("content-only") {
      switch checkLessonCode(content, setup: setup) {
      case .none: return 1
      case .some(let result):
        report(result.errors)
        code =
          "\(result.compiled + result.cached) Swift blocks compile (\(result.cached) unchanged since they "
          + "last did, \(result.fragments) fragments)"
      }
      if !content.exercises.isEmpty {
        guard let grading = try? GradingSetup.make(ParsedArguments(commandPath: ["check"]), setup: setup)
        else {
          return 1
        }
        for exercise in content.exercises {
          problems += gradeReferences(exercise, grading: grading, setup: setup)
        }
      }
    }
    let questions = content.lessons.compactMap(\.quiz).map(\.questions.count).reduce(0, +)
    let labs = content.lessons.flatMap(\.lesson.parts).filter { $0.kind == "lab" }.count
    let summary =
      "\(content.lessons.count) lessons, \(questions) quiz questions, \(labs) labs, "
      + "\(content.exercises.count) exercises; \(code)"
    if problems == 0 {
      console.print(console.paint("dev check: all content is valid", [.green, .bold]) + " (\(summary)).")
      return 0
    }
    console.print(
      console.paint("dev check: \(problems) problem\(problems == 1 ? "" : "s")", [.red, .bold])
        + " (\(summary)).")
    return 1
  }

  /// An error with its file as the author would type it.
  static func display(_ error: ContentError, setup: CourseSetup) -> String {
    var shown = error
    shown.file = setup.display(error.file)
    return shown.description
  }

  /// Type-checks the lessons' Swift blocks with the grader's compiler; nil when there is no compiler.
  static func checkLessonCode(_ content: CourseContent, setup: CourseSetup) -> LessonCode.Report? {
    let toolchain: Toolchain
    do {
      toolchain = try Toolchain.locate(course: setup.root)
    } catch {
      Output.error("\(error)")
      return nil
    }
    guard GradingSetup.prepareRuntime(toolchain, packageRoot: setup.root) else { return nil }
    let blocks = content.lessons.flatMap(\.lesson.codeBlocks).filter { $0.language == "swift" }.count
    Output.write("Type-checking \(blocks) Swift blocks of \(content.lessons.count) lessons...\n")
    let workspace = ExerciseWorkspace(folder: setup.workspace)
    return LessonCode.check(
      content.lessons,
      with: SnippetCheck(toolchain: toolchain, cacheFolder: workspace.buildCache + "/lesson-code"))
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
        finding = judge(try grading.grade(exercise, solution: file), exercise)
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
