import Foundation

/// Everything under a course folder's Lessons/: each lesson with its quiz, and every problem found while
/// reading them.
public struct CourseContent: Sendable {
  /// A lesson folder, `NN-slug/`, read.
  public struct Entry: Sendable, Equatable {
    public var folder: String
    public var lesson: Lesson
    public var quiz: Quiz?
    /// The lesson's folder with the course root in front.
    public var path: String

    public var lessonFile: String { path + "/lesson.md" }
    public var quizFile: String { path + "/quiz.md" }
    /// Declarations the lesson's Swift blocks assume but do not show; optional.
    public var preludeFile: String { path + "/" + CourseContent.preludeName }
    /// The course's prelude beside the lesson folders: declarations that several lessons' blocks assume,
    /// compiled with every lesson's; optional.
    public var coursePreludeFile: String {
      (path as NSString).deletingLastPathComponent + "/" + CourseContent.preludeName
    }
  }

  /// The name of a prelude: Lessons/prelude.swift for the whole course, NN-slug/prelude.swift for a lesson.
  public static let preludeName = "prelude.swift"

  /// The course folder: the one holding Lessons/ and Exercises/.
  public var root: String
  public var lessons: [Entry]
  public var exercises: [Exercise] = []
  /// The vocabulary of Lessons/topics.md; nil when the file is missing.
  public var topics: [Topic]?
  public var errors: [ContentError]

  /// Where the topic vocabulary lives.
  public var topicsFile: String { root + "/Lessons/topics.md" }

  /// Reads and cross-checks every lesson and quiz under root/Lessons. Problems are collected, not thrown,
  /// so one broken file does not hide the rest.
  public static func load(root: String) -> CourseContent {
    var content = CourseContent(root: root, lessons: [], errors: [])
    let lessonsFolder = root + "/Lessons"
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: lessonsFolder).sorted()
    } catch {
      content.errors.append(
        ContentError(file: lessonsFolder, line: 0, message: "cannot read the lessons folder"))
      return content
    }
    for name in names where !name.hasPrefix(".") && !name.hasSuffix(".md") && name != preludeName {
      content.read(folder: name, in: lessonsFolder)
    }
    content.readTopics()
    content.readExercises()
    content.crossCheck()
    return content
  }

  private mutating func readTopics() {
    guard FileManager.default.fileExists(atPath: topicsFile) else { return }
    do {
      topics = try TopicsParser.parse(try Self.read(topicsFile), file: topicsFile)
    } catch let error as ContentError {
      errors.append(error)
    } catch {
      errors.append(ContentError(file: topicsFile, line: 0, message: "\(error)"))
    }
  }

  private mutating func readExercises() {
    let folder = root + "/Exercises"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names.sorted() where !name.hasPrefix(".") && name != "README.md" {
      let path = folder + "/" + name
      guard let number = Self.folderNumber(name) else {
        errors.append(
          ContentError(
            file: path, line: 0, message: "exercise folders are named NN-slug, like 01-cache-aside"))
        continue
      }
      do {
        let file = path + "/exercise.md"
        let exercise = try ExerciseParser.parse(try Self.read(file), file: file, number: number, folder: path)
        for required in [exercise.starterPath, exercise.checksPath, exercise.solutionPath]
        where !FileManager.default.fileExists(atPath: required) {
          errors.append(ContentError(file: required, line: 0, message: "every exercise needs this file"))
        }
        if let lesson = exercise.lesson, !lessons.contains(where: { $0.lesson.id == lesson }) {
          errors.append(
            ContentError(
              file: file, line: exercise.lessonLine, message: "the lesson '\(lesson)' does not exist"))
        }
        exercises.append(exercise)
      } catch let error as ContentError {
        errors.append(error)
      } catch {
        errors.append(ContentError(file: path, line: 0, message: "\(error)"))
      }
    }
  }

  /// The exercise a learner named by number, id or folder; nil when nothing matches.
  public func exercise(named name: String) -> Exercise? {
    let lowered = name.lowercased()
    return exercises.first { exercise in
      exercise.id == lowered || (exercise.folder as NSString).lastPathComponent == lowered
        || Int(lowered) == exercise.number
    }
  }

  /// Names to suggest for an exercise name that matched nothing.
  public var exerciseNames: [String] {
    exercises.flatMap { [$0.id, ($0.folder as NSString).lastPathComponent] }
  }

  private mutating func read(folder name: String, in lessonsFolder: String) {
    let path = lessonsFolder + "/" + name
    guard let number = Self.folderNumber(name) else {
      errors.append(
        ContentError(file: path, line: 0, message: "lesson folders are named NN-slug, like 01-why-caching"))
      return
    }
    do {
      let lessonFile = path + "/lesson.md"
      let lesson = try LessonParser.parse(
        try Self.read(lessonFile), file: lessonFile, number: number,
        simulations: Set(Simulations.all.map(\.name)))
      let quizFile = path + "/quiz.md"
      var quiz: Quiz?
      if FileManager.default.fileExists(atPath: quizFile) {
        do {
          quiz = try QuizParser.parse(try Self.read(quizFile), file: quizFile)
          if let found = quiz, found.lessonID != lesson.id {
            errors.append(
              ContentError(
                file: quizFile, line: 2,
                message: "the quiz names lesson '\(found.lessonID)' but the lesson's id is '\(lesson.id)'"))
          }
        } catch let error as ContentError {
          errors.append(error)
        }
      } else {
        errors.append(ContentError(file: quizFile, line: 0, message: "every lesson needs a quiz.md"))
      }
      lessons.append(Entry(folder: name, lesson: lesson, quiz: quiz, path: path))
    } catch let error as ContentError {
      errors.append(error)
    } catch {
      errors.append(ContentError(file: path, line: 0, message: "\(error)"))
    }
  }

  private mutating func crossCheck() {
    var seen: [String: String] = [:]
    var numbers: [Int: String] = [:]
    for entry in lessons {
      if let other = seen[entry.lesson.id] {
        errors.append(
          ContentError(
            file: entry.folder + "/lesson.md", line: 2,
            message: "the id '\(entry.lesson.id)' is also used by \(other)"))
      }
      if let other = numbers[entry.lesson.number] {
        errors.append(
          ContentError(
            file: entry.folder, line: 0, message: "the number \(entry.lesson.number) is also used by \(other)"
          ))
      }
      seen[entry.lesson.id] = entry.folder
      numbers[entry.lesson.number] = entry.folder
    }
  }

  static func folderNumber(_ name: String) -> Int? {
    let parts = name.split(separator: "-", maxSplits: 1)
    guard parts.count == 2, parts[0].count == 2, let number = Int(parts[0]), Slug.isValid(String(parts[1]))
    else {
      return nil
    }
    return number
  }

  static func read(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ContentError(file: path, line: 0, message: "cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ContentError(file: path, line: 0, message: "the file is not UTF-8 text")
    }
    return text
  }

  /// The lesson a learner named by number ("1", "01"), id or folder; nil when nothing matches.
  public func lesson(named name: String) -> Entry? {
    let lowered = name.lowercased()
    return lessons.first { entry in
      entry.lesson.id == lowered || entry.folder == lowered || Int(lowered) == entry.lesson.number
    }
  }

  /// Names to suggest for a lesson name that matched nothing.
  public var lessonNames: [String] { lessons.flatMap { [$0.lesson.id, $0.folder] } }
}
