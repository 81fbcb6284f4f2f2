import Foundation
import Synchronization

/// Type-checks the Swift blocks of lessons with the grader's compiler against the build's CacheKit (and
/// ExerciseKit where a block says `swift exercisekit`), so lesson code cannot drift from the library.
/// Each block is checked on its own as the top-level code of a program, with the lesson's prelude.swift
/// beside it; a block that passed is remembered by content hash and not checked again.
public struct LessonCodeCheck: Sendable {
  public let toolchain: Toolchain
  /// Where passing blocks are remembered, one empty file per content hash.
  public let cacheFolder: String

  public init(toolchain: Toolchain, cacheFolder: String) {
    self.toolchain = toolchain
    self.cacheFolder = cacheFolder
  }

  /// What one run found.
  public struct Result: Sendable {
    public var errors: [ContentError] = []
    /// Blocks type-checked this run, and blocks found unchanged since they last passed.
    public var compiled = 0
    public var cached = 0
    /// Blocks marked `fragment`, left alone.
    public var skipped = 0
  }

  /// Checks every Swift block of the lessons, two compilers at a time on a two-core machine.
  public func check(_ lessons: [CourseContent.Entry]) -> Result {
    let blocks = lessons.flatMap { entry in
      entry.lesson.codeBlocks.filter { $0.language == "swift" }.map { (entry: entry, block: $0) }
    }
    let jobs = blocks.filter { !$0.block.attributes.contains("fragment") }
    var result = Result(skipped: blocks.count - jobs.count)
    let outcomes = Mutex([Outcome?](repeating: nil, count: jobs.count))
    let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
    DispatchQueue.concurrentPerform(iterations: width) { lane in
      for index in stride(from: lane, to: jobs.count, by: width) {
        let outcome = check(jobs[index].block, of: jobs[index].entry)
        outcomes.withLock { $0[index] = outcome }
      }
    }
    for outcome in outcomes.withLock({ $0.compactMap { $0 } }) {
      switch outcome {
      case .cached: result.cached += 1
      case .passed: result.compiled += 1
      case .failed(let error):
        result.compiled += 1
        result.errors.append(error)
      }
    }
    return result
  }

  enum Outcome: Sendable {
    case cached, passed
    case failed(ContentError)
  }

  /// The program a block is checked as: the imports, then the block where the lesson has it, so that the
  /// compiler's diagnostics name lesson.md and its lines.
  static func program(_ block: CodeBlock, file: String) -> String {
    var imports = ["CacheKit", "Foundation"]
    if block.attributes.contains("exercisekit") { imports.append("ExerciseKit") }
    let quoted = file.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
      of: "\"", with: "\\\"")
    return imports.map { "import \($0)\n" }.joined()
      + "#sourceLocation(file: \"\(quoted)\", line: \(block.line + 1))\n"
      + block.code + "\n#sourceLocation()\n"
  }

  func check(_ block: CodeBlock, of entry: CourseContent.Entry) -> Outcome {
    let files = FileManager.default
    let program = Self.program(block, file: entry.lessonFile)
    let prelude = files.contents(atPath: entry.preludeFile)
    let key = ContentKey.of([Data(toolchain.fingerprint.utf8), Data(program.utf8), prelude ?? Data()])
    let marker = cacheFolder + "/" + key
    if files.fileExists(atPath: marker) { return .cached }
    func failure(_ message: String) -> Outcome {
      .failed(ContentError(file: entry.lessonFile, line: block.line, message: message))
    }
    let folder = NSTemporaryDirectory() + "cachelings-lesson-code-" + UUID().uuidString
    defer { try? files.removeItem(atPath: folder) }
    do {
      try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Data(program.utf8).write(to: URL(fileURLWithPath: folder + "/main.swift"))
    } catch {
      return failure("could not prepare the block for the compiler: \(error)")
    }
    var arguments = [
      "-typecheck", "-swift-version", "6", "-suppress-warnings", "-module-name", "LessonCode", "-I",
      toolchain.modules, folder + "/main.swift",
    ]
    if prelude != nil { arguments.append(entry.preludeFile) }
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
      return failure(
        "this Swift block does not compile (mark it ```swift fragment if it is partial on purpose):\n"
          + (text.isEmpty ? "the compiler ended with \(outcome.ending)" : text))
    }
    try? files.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
    _ = files.createFile(atPath: marker, contents: nil)
    return .passed
  }
}
