import Foundation
import GradeProtocol
import Grader

/// An exercise: the task, the starter the learner edits, the checks, the hints and a reference solution,
/// all in Exercises/NN-slug/.
public struct Exercise: Sendable, Equatable {
  public var number: Int
  public var id: String
  public var title: String
  /// The lesson the exercise practises, by id.
  public var lesson: String?
  /// The line of exercise.md naming the lesson, for errors about it.
  public var lessonLine = 0
  /// Markdown: what to build.
  public var task: String
  public var hints: [String]
  /// Seconds the graded program may run.
  public var timeLimit: Double
  /// The backends the checks run on unless the learner narrows them.
  public var backends: [Backend]
  /// The topics from Lessons/topics.md the exercise practises.
  public var topics: [TopicMention] = []
  /// The exercise's folder: starter.swift, checks.swift (and any checks+<What>.swift) and solution.swift
  /// live there.
  public var folder: String

  public var starterPath: String { folder + "/starter.swift" }
  /// The checks file that declares `exerciseChecks`.
  public var checksPath: String { folder + "/" + CheckFiles.main }
  /// Every checks file, read from the folder: checks.swift, then the checks+<What>.swift files by name.
  public var checksPaths: [String] { CheckFiles.paths(in: folder) }
  public var solutionPath: String { folder + "/solution.swift" }
  /// Types the task gives the learner, compiled with the learner's file; optional.
  public var supportPath: String { folder + "/support.swift" }
  /// The exercise's own files, which only the course may change.
  public var courseFiles: [String] {
    [folder + "/exercise.md", starterPath] + checksPaths + [solutionPath, supportPath]
  }
  /// The name of the learner's copy in the workspace.
  public var workspaceFileName: String { (folder as NSString).lastPathComponent + ".swift" }
}

/// Reads exercise.md: front matter (id, title, lesson, topics, time-limit, backends), the task, then `[hint]`
/// sections in the order they are given out.
public enum ExerciseParser {
  static let fields: Set<String> = ["id", "title", "lesson", "topics", "time-limit", "backends"]

  public static func parse(
    _ contents: String, file: String, number: Int, folder: String
  ) throws(ContentError)
    -> Exercise
  {
    let source = SourceText(file: file, contents: contents)
    let (matter, body) = try FrontMatter.parse(source)
    if let unknown = matter.unknownKeys(allowed: fields).first {
      throw source.error(
        unknown.line,
        "unknown front matter key '\(unknown.key)'; exercises have \(fields.sorted().joined(separator: ", "))"
      )
    }
    let id = try matter.required("id", in: source)
    guard Slug.isValid(id.value) else { throw source.error(id.line, "the id '\(id.value)' must be a slug") }
    let title = try matter.required("title", in: source).value
    var timeLimit = 10.0
    if let field = matter.fields["time-limit"] {
      guard let seconds = Double(field.value), seconds > 0, seconds <= 120 else {
        throw source.error(field.line, "time-limit is seconds from 1 to 120, not '\(field.value)'")
      }
      timeLimit = seconds
    }
    var backends = Backend.allCases
    if let field = matter.fields["backends"] {
      switch Backend.list(parsing: field.value) {
      case .success(let named): backends = named
      case .failure(let unknown):
        throw source.error(field.line, "unknown backend '\(unknown.name)'; use \(Backend.names)")
      }
    }
    let sections = LabeledSections(body)
    for section in sections.sections where section.label != "hint" {
      throw source.error(
        section.line, "unknown section [\(section.label)]; an exercise has only [hint] sections")
    }
    let task = sections.preamble.markdown
    if task.isEmpty {
      throw source.error(matter.line, "the exercise needs its task text after the front matter")
    }
    var hints: [String] = []
    for section in sections.sections {
      let text = section.lines.markdown
      if text.isEmpty { throw source.error(section.line, "this [hint] is empty") }
      hints.append(text)
    }
    if hints.isEmpty { throw source.error(source.lines.count, "the exercise needs at least one [hint]") }
    return Exercise(
      number: number, id: id.value, title: title, lesson: matter.fields["lesson"]?.value,
      lessonLine: matter.fields["lesson"]?.line ?? 0, task: task, hints: hints, timeLimit: timeLimit,
      backends: backends,
      topics: matter.topics, folder: folder)
  }
}
