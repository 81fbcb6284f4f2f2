import Foundation
import Synchronization

/// Type-checks snippets of Swift (a lesson's code blocks) with the grader's compiler against the build's
/// CacheKit (and ExerciseKit where a snippet asks), so course text cannot drift from the library. Each
/// snippet is checked on its own as the top-level code of a program, with the prelude files it assumes
/// beside it; a snippet that passed is remembered by content hash and not checked again.
public struct SnippetCheck: Sendable {
  /// One snippet: where it stands (its first line of code), its code, and what it needs.
  public struct Snippet: Sendable, Equatable {
    public var file: String
    /// The line of the snippet's first line of code.
    public var line: Int
    public var code: String
    /// Modules imported besides CacheKit and Foundation, such as ExerciseKit.
    public var imports: [String]
    /// Swift files compiled beside the snippet, with the declarations it assumes (none, one or more).
    public var preludes: [String]

    public init(file: String, line: Int, code: String, imports: [String] = [], preludes: [String] = []) {
      self.file = file
      self.line = line
      self.code = code
      self.imports = imports
      self.preludes = preludes
    }
  }

  /// A snippet that did not compile, with the compiler's words (which name file and line).
  public struct Failure: Sendable, Equatable {
    public var snippet: Snippet
    public var message: String

    /// The line of file that the compiler's first error names, or nil when no error stands in that file.
    public func errorLine(in file: String) -> Int? {
      for row in message.split(separator: "\n") where row.hasPrefix(file + ":") && row.contains(": error:") {
        if let line = Int(row.dropFirst(file.count + 1).prefix { $0.isNumber }) { return line }
      }
      return nil
    }
  }

  public let toolchain: Toolchain
  /// Where passing snippets are remembered, one empty file per content hash.
  public let cacheFolder: String

  public init(toolchain: Toolchain, cacheFolder: String) {
    self.toolchain = toolchain
    self.cacheFolder = cacheFolder
  }

  /// What one run found.
  public struct Result: Sendable {
    public var failures: [Failure] = []
    /// Snippets type-checked this run, and snippets found unchanged since they last passed.
    public var compiled = 0
    public var cached = 0
  }

  /// Checks every snippet, a few compilers at a time.
  public func check(_ snippets: [Snippet]) -> Result {
    var result = Result()
    let outcomes = Mutex([Outcome?](repeating: nil, count: snippets.count))
    let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
    DispatchQueue.concurrentPerform(iterations: width) { lane in
      for index in stride(from: lane, to: snippets.count, by: width) {
        let outcome = check(snippets[index])
        outcomes.withLock { $0[index] = outcome }
      }
    }
    for outcome in outcomes.withLock({ $0.compactMap { $0 } }) {
      switch outcome {
      case .cached: result.cached += 1
      case .passed: result.compiled += 1
      case .failed(let failure):
        result.compiled += 1
        result.failures.append(failure)
      }
    }
    return result
  }

  enum Outcome: Sendable {
    case cached, passed
    case failed(Failure)
  }

  /// The program a snippet is checked as: the imports, then the code where the file has it, so that the
  /// compiler's diagnostics name that file and its lines.
  static func program(_ snippet: Snippet) -> String {
    let imports = ["CacheKit", "Foundation"] + snippet.imports
    return imports.map { "import \($0)\n" }.joined()
      + SourceLocation.placed(snippet.code, file: snippet.file, line: snippet.line)
  }

  /// The files a snippet is compiled as, main.swift's text first, then each prelude's placed under its own
  /// path: the copies get names of their own, since the compiler refuses two files of one name (a course
  /// prelude and a lesson's may both be prelude.swift), yet its diagnostics still name the originals.
  static func sources(_ snippet: Snippet) throws(PreludeUnreadable) -> [String] {
    var sources = [program(snippet)]
    for path in snippet.preludes {
      guard let data = FileManager.default.contents(atPath: path),
        let text = String(data: data, encoding: .utf8)
      else { throw PreludeUnreadable(path: path) }
      sources.append(SourceLocation.placed(text, file: path, line: 1))
    }
    return sources
  }

  /// A prelude that is missing or not UTF-8 text.
  struct PreludeUnreadable: Error {
    var path: String
  }

  func check(_ snippet: Snippet) -> Outcome {
    let files = FileManager.default
    func failure(_ message: String) -> Outcome { .failed(Failure(snippet: snippet, message: message)) }
    let sources: [String]
    do {
      sources = try Self.sources(snippet)
    } catch {
      return failure("could not read the prelude \(error.path) as UTF-8 text")
    }
    let key = ContentKey.of([Data(toolchain.fingerprint.utf8)] + sources.map { Data($0.utf8) })
    let marker = cacheFolder + "/" + key
    if files.fileExists(atPath: marker) { return .cached }
    let folder = NSTemporaryDirectory() + "cachelings-snippet-" + UUID().uuidString
    defer { try? files.removeItem(atPath: folder) }
    let names = sources.indices.map { folder + ($0 == 0 ? "/main.swift" : "/prelude-\($0).swift") }
    do {
      try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
      for (name, source) in zip(names, sources) {
        try Data(source.utf8).write(to: URL(fileURLWithPath: name))
      }
    } catch {
      return failure("could not prepare the snippet for the compiler: \(error)")
    }
    // LLVM-style diagnostics quote the offending line under its original file and line; the default style
    // would number the excerpt by the lines of the copies, which are not the author's.
    let arguments =
      [
        "-typecheck", "-swift-version", "6", "-suppress-warnings", "-diagnostic-style", "llvm",
        "-module-name",
        "Snippet", "-I", toolchain.modules,
      ] + names
    let outcome: ChildOutcome
    do {
      outcome = try ChildProcess.run(
        toolchain.swiftc, arguments: arguments, environment: ProcessInfo.processInfo.environment,
        limits: RunLimits(seconds: 120, memoryBytes: 4 << 30, outputBytes: 64 << 10))
    } catch {
      return failure("could not run the compiler: \(error)")
    }
    guard outcome.ending == .exited(0) else {
      let text = String(decoding: outcome.output, as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
      return failure(text.isEmpty ? "the compiler ended with \(outcome.ending)" : text)
    }
    try? files.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
    _ = files.createFile(atPath: marker, contents: nil)
    return .passed
  }
}
