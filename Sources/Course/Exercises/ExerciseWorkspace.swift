import Foundation
import Grader

/// The learner's git-ignored folder: one editable copy of each starter, made on first use, and the cache
/// of compiled programs. The course's Exercises/ folder is only ever read.
public struct ExerciseWorkspace: Sendable {
  public let folder: String
  /// The compiler and modules the learner's files are graded with; when given, preparing a file also
  /// records its compile in compile_commands.json, for the learner's editor.
  public let toolchain: Toolchain?

  public init(folder: String, toolchain: Toolchain? = nil) {
    self.folder = folder
    self.toolchain = toolchain
  }

  /// Where compiled programs are kept.
  public var buildCache: String { folder + "/.build-cache" }

  /// The learner's copy of an exercise.
  public func file(for exercise: Exercise) -> String { folder + "/" + exercise.workspaceFileName }

  /// The learner's file, copied from the starter if it does not exist yet; true when it was just made.
  @discardableResult
  public func prepare(_ exercise: Exercise) throws -> (path: String, created: Bool) {
    let path = file(for: exercise)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    writeCompileCommand(for: exercise)
    if FileManager.default.fileExists(atPath: path) { return (path, false) }
    try copyStarter(exercise, to: path)
    return (path, true)
  }

  /// Records the exercise's compile in compile_commands.json, rewriting the file only when it changes so
  /// a language server watching it does not reload for nothing. An editor aid: grading goes on without it.
  private func writeCompileCommand(for exercise: Exercise) {
    guard let toolchain else { return }
    var commands = CompileCommands.read(in: self)
    let before = commands.json
    commands.update(CompileCommands.entry(for: exercise, in: self, toolchain: toolchain))
    let after = commands.json
    guard after != before else { return }
    try? after.write(to: URL(fileURLWithPath: CompileCommands.path(in: self)), options: .atomic)
  }

  /// Puts the starter back. The learner's version is kept beside it as `.NN-slug.swift.previous`, so a
  /// reset by mistake loses nothing. Returns where that copy is, if there was a file to keep.
  @discardableResult
  public func reset(_ exercise: Exercise) throws -> String? {
    let path = file(for: exercise)
    var kept: String?
    if FileManager.default.fileExists(atPath: path) {
      let previous = folder + "/." + exercise.workspaceFileName + ".previous"
      try? FileManager.default.removeItem(atPath: previous)
      try FileManager.default.moveItem(atPath: path, toPath: previous)
      kept = previous
    }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try copyStarter(exercise, to: path)
    return kept
  }

  private func copyStarter(_ exercise: Exercise, to path: String) throws {
    let starter = try Data(contentsOf: URL(fileURLWithPath: exercise.starterPath))
    try starter.write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
