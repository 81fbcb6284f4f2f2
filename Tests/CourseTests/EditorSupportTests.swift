import Foundation
import TestSupport
import Testing

@testable import Course
@testable import Grader

/// The learner's editor knows CacheKit and ExerciseKit: preparing a workspace file records its compile
/// in compile_commands.json, and sourcekit-lsp, reading it, completes `cache.` with CacheKit's API.
@Suite(.serialized) struct EditorSupportTests {
  let folder = NSTemporaryDirectory() + "cachelings-editor-\(UUID().uuidString)"

  func exercise(_ name: String) throws -> Exercise {
    try #require(CourseContent.load(root: EndToEndTests.courseRoot).exercise(named: name))
  }

  @Test func preparingAFileRecordsTheGradersCompileForIt() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let toolchain = Toolchain(swiftc: "/opt/swift/bin/swiftc", runtime: "/course/.build/debug")
    let workspace = ExerciseWorkspace(folder: folder, toolchain: toolchain)
    let perUser = try exercise("2")
    try workspace.prepare(perUser)
    let entries = CompileCommands.read(in: workspace).entries
    #expect(entries.count == 1)
    let entry = try #require(entries.first)
    #expect(entry.file == workspace.file(for: perUser))
    #expect(entry.directory == folder)
    #expect(entry.arguments.first == toolchain.swiftc)
    #expect(entry.arguments.contains(perUser.supportPath), "the task's Dashboard type is compiled beside it")
    let modules = try #require(entry.arguments.firstIndex(of: "-I"))
    #expect(entry.arguments[modules + 1] == "/course/.build/debug/Modules")
    let name = try #require(entry.arguments.firstIndex(of: "-module-name"))
    #expect(entry.arguments[name + 1] == "Solution")
    #expect(entry.arguments.contains("-swift-version") && entry.arguments.contains("-parse-as-library"))
  }

  @Test func eachPreparedFileKeepsItsEntryAndAnUnchangedFileIsNotRewritten() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let workspace = ExerciseWorkspace(
      folder: folder, toolchain: Toolchain(swiftc: "/usr/bin/swiftc", runtime: "/course/.build/debug"))
    try workspace.prepare(try exercise("1"))
    try workspace.prepare(try exercise("2"))
    let path = CompileCommands.path(in: workspace)
    let written = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    try workspace.prepare(try exercise("1"))
    #expect(
      CompileCommands.read(in: workspace).entries.map(\.file) == [
        workspace.file(for: try exercise("1")), workspace.file(for: try exercise("2")),
      ])
    let after = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    #expect(after == written, "the file was left alone, so a watching language server does not reload")
    // A release build moves the modules: the entry follows.
    let release = ExerciseWorkspace(
      folder: folder, toolchain: Toolchain(swiftc: "/usr/bin/swiftc", runtime: "/course/.build/release"))
    try release.prepare(try exercise("1"))
    let moved = try #require(CompileCommands.read(in: release).entries.first)
    #expect(moved.arguments.contains("/course/.build/release/Modules"))
  }

  @Test func aWorkspaceWithoutAToolchainWritesNoCompileCommands() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let workspace = ExerciseWorkspace(folder: folder)
    try workspace.prepare(try exercise("1"))
    #expect(!FileManager.default.fileExists(atPath: CompileCommands.path(in: workspace)))
  }

  /// sourcekit-lsp on a fresh workspace file, as VS Code, Neovim or Emacs would start it: completion
  /// after `cache.` lists CacheKit's API, the file has no errors (the support file's Dashboard and the
  /// course's modules are found), and a call CacheKit lacks is reported as an error.
  @Test func sourceKitLSPCompletesCacheKitInAFreshWorkspaceFile() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let toolchain = try Toolchain.locate()
    guard let server = RequiredPeer.sourceKitLSP(compiler: toolchain.swiftc) else { return }
    let workspace = ExerciseWorkspace(folder: folder, toolchain: toolchain)
    let (file, created) = try workspace.prepare(try exercise("2"))
    #expect(created)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let uri = URL(fileURLWithPath: file).absoluteString

    let session = try LanguageServerSession(executable: server, folder: folder)
    try session.request(
      "initialize",
      ["processId": NSNull(), "rootUri": URL(fileURLWithPath: folder).absoluteString, "capabilities": [:]])
    try session.notify("initialized", [:])
    try session.notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": uri, "languageId": "swift", "version": 1, "text": text]])

    let position = try #require(Self.position(after: "cache.", in: text), "the starter calls cache.")
    let completion = try session.request(
      "textDocument/completion", ["textDocument": ["uri": uri], "position": position])
    let items = (completion as? [String: Any])?["items"] ?? completion
    let labels = ((items as? [[String: Any]]) ?? []).compactMap { $0["label"] as? String }
    for member in ["get(", "set(", "getOrSet(", "delete(", "incr("] {
      #expect(labels.contains { $0.hasPrefix(member) }, "completion offers \(member): \(labels.prefix(12))")
    }

    let clean = try Self.diagnostics(session, uri)
    #expect(clean.isEmpty, "the starter compiles in the editor: \(clean)")
    try session.notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": uri, "version": 2],
        "contentChanges": [["text": text + "\nfunc broken(cache: any Cache) { cache.nonexistent() }\n"]],
      ])
    let errors = try Self.diagnostics(session, uri)
    #expect(errors.contains { $0.contains("has no member 'nonexistent'") }, "\(errors)")
    try session.shutDown()
  }

  /// The errors the server reports for the document now (a pull request, so no waiting on pushes).
  static func diagnostics(_ session: LanguageServerSession, _ uri: String) throws -> [String] {
    let report = try session.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])
    let items = (report as? [String: Any])?["items"] as? [[String: Any]] ?? []
    return items.filter { ($0["severity"] as? Int) == 1 }.compactMap { $0["message"] as? String }
  }

  /// The LSP position (line, UTF-16 column) just after the first needle in text.
  static func position(after needle: String, in text: String) -> [String: Int]? {
    guard let range = text.range(of: needle) else { return nil }
    let before = text[..<range.upperBound]
    let line = before.filter { $0 == "\n" }.count
    let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
    return ["line": line, "character": text[lineStart..<range.upperBound].utf16.count]
  }
}
