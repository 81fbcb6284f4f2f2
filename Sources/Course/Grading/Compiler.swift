import Foundation

/// Compiles a learner's file with an exercise's checks and a generated entry point into a program,
/// reusing the program built from the same sources by the same toolchain.
public struct Compiler: Sendable {
  public enum Outcome: Sendable, Equatable {
    case program(path: String, cached: Bool)
    /// The compiler's diagnostics, which name the learner's file and line.
    case errors(String)
  }

  public let toolchain: Toolchain
  /// Where programs are kept, by content hash.
  public let cacheFolder: String
  /// Programs kept before the oldest are removed.
  public var keep = 24

  public init(toolchain: Toolchain, cacheFolder: String) {
    self.toolchain = toolchain
    self.cacheFolder = cacheFolder
  }

  static let entryPoint = "import ExerciseKit\n\nExerciseRunner.main(exerciseChecks)\n"

  public func compile(solution: String, checks: String) throws(GradingError) -> Outcome {
    let files = FileManager.default
    guard let solutionBytes = files.contents(atPath: solution) else {
      throw .cannotRun("could not read \(solution)")
    }
    guard let checksBytes = files.contents(atPath: checks) else {
      throw .cannotRun("could not read \(checks)")
    }
    let key = ContentKey.of([
      Data(toolchain.fingerprint.utf8), solutionBytes, checksBytes, Data(Self.entryPoint.utf8),
    ])
    let program = cacheFolder + "/" + key
    if files.isExecutableFile(atPath: program) {
      try? files.setAttributes([.modificationDate: Date()], ofItemAtPath: program)
      return .program(path: program, cached: true)
    }
    do {
      try files.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
      let main = cacheFolder + "/main.swift"
      if files.contents(atPath: main) != Data(Self.entryPoint.utf8) {
        try Data(Self.entryPoint.utf8).write(to: URL(fileURLWithPath: main), options: .atomic)
      }
    } catch {
      throw .cannotRun("could not prepare \(cacheFolder): \(error)")
    }
    let partial = program + ".partial-\(getpid())"
    var arguments = [
      "-swift-version", "6", "-wmo", "-Onone", "-module-name", "Solution", "-I", toolchain.modules,
      "-L", toolchain.runtime, "-lExerciseRuntime", "-Xlinker", "-rpath", "-Xlinker", toolchain.runtime,
      solution, checks, cacheFolder + "/main.swift", "-o", partial,
    ]
    // lld links the program noticeably faster than the system linker; the toolchain ships it.
    if files.isExecutableFile(atPath: (toolchain.swiftc as NSString).deletingLastPathComponent + "/ld.lld") {
      arguments.insert("-use-ld=lld", at: 0)
    }
    let result = try ChildProcess.run(
      toolchain.swiftc, arguments: arguments, environment: ProcessInfo.processInfo.environment,
      limits: RunLimits(seconds: 120, memoryBytes: 4 << 30, outputBytes: 256 << 10))
    guard result.ending == .exited(0) else {
      try? files.removeItem(atPath: partial)
      let text = String(decoding: result.output, as: UTF8.self)
      if result.ending == .timedOut {
        return .errors("the compiler did not finish within 120 seconds\n" + text)
      }
      return .errors(text.isEmpty ? "the compiler failed without a message (\(result.ending))" : text)
    }
    guard rename(partial, program) == 0 else { throw .cannotRun("could not store the compiled program") }
    removeOldPrograms()
    return .program(path: program, cached: false)
  }

  /// Keeps the cache small: the `keep` most recently used programs stay.
  private func removeOldPrograms() {
    let files = FileManager.default
    guard let names = try? files.contentsOfDirectory(atPath: cacheFolder) else { return }
    let programs = names.filter { $0.count == 32 }.map { cacheFolder + "/" + $0 }
      .compactMap { path in Toolchain.modified(path).map { (path, $0) } }
      .sorted { $0.1 > $1.1 }
    for (path, _) in programs.dropFirst(keep) { try? files.removeItem(atPath: path) }
  }
}
