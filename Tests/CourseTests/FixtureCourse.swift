import Foundation

/// A course folder holding only the grader's fixture exercise, and a workspace whose learner's file is
/// one of the fixture solutions: what the command-line tests grade quickly.
enum FixtureCourse {
  static func make(course: String, workspace: String, solution: String) throws {
    let files = FileManager.default
    try files.createDirectory(atPath: course + "/Lessons", withIntermediateDirectories: true)
    try files.createDirectory(atPath: course + "/Exercises", withIntermediateDirectories: true)
    try files.createDirectory(atPath: workspace, withIntermediateDirectories: true)
    try files.copyItem(atPath: GraderTests.fixtures + "/01-fixture", toPath: course + "/Exercises/01-fixture")
    try files.copyItem(
      atPath: GraderTests.fixtures + "/solutions/\(solution).swift", toPath: workspace + "/01-fixture.swift")
  }
}
