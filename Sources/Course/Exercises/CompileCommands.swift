import Foundation
import Grader

/// The workspace's compile_commands.json: for each learner's file, the compile the grader runs on it
/// (module Solution, the exercise's support file beside it, CacheKit and ExerciseKit from the course's
/// build). sourcekit-lsp reads it, so any editor that speaks it completes, types and checks the file as
/// the grader will, as rustlings's rust-project.json does for rust-analyzer.
public struct CompileCommands: Sendable, Equatable {
  /// One file's compile, in the format clang and sourcekit-lsp share.
  public struct Entry: Codable, Sendable, Equatable {
    public var directory: String
    public var file: String
    public var arguments: [String]
  }

  public var entries: [Entry]

  /// The file's name in the workspace.
  public static let fileName = "compile_commands.json"

  /// The entry for the learner's file of exercise, compiled with toolchain.
  public static func entry(
    for exercise: Exercise, in workspace: ExerciseWorkspace, toolchain: Toolchain
  ) -> Entry {
    let support =
      FileManager.default.fileExists(atPath: exercise.supportPath) ? exercise.supportPath : nil
    return Entry(
      directory: workspace.folder, file: workspace.file(for: exercise),
      arguments: [toolchain.swiftc] + toolchain.languageArguments
        + Compiler.solutionModule(solution: workspace.file(for: exercise), support: support))
  }

  /// The commands in the workspace's file; none when it is missing or unreadable (it is rewritten whole).
  public static func read(in workspace: ExerciseWorkspace) -> CompileCommands {
    guard let data = FileManager.default.contents(atPath: path(in: workspace)),
      let entries = try? JSONDecoder().decode([Entry].self, from: data)
    else {
      return CompileCommands(entries: [])
    }
    return CompileCommands(entries: entries)
  }

  public static func path(in workspace: ExerciseWorkspace) -> String {
    workspace.folder + "/" + fileName
  }

  /// Puts entry in place of the one for the same file, keeping the others in file order.
  public mutating func update(_ entry: Entry) {
    entries.removeAll { $0.file == entry.file }
    entries.append(entry)
    entries.sort { $0.file < $1.file }
  }

  /// The JSON text: one entry per file, stable for equal commands.
  public var json: Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(entries)) ?? Data("[]".utf8)
  }
}
