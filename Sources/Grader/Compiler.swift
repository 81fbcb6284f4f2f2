import Foundation

/// Compiles a learner's file and an exercise's checks into a program, in two modules so that nothing the
/// learner declares can stand in for what the checks and the entry point use. The learner's file (with
/// the exercise's support.swift, if any) is module Solution; the checks and the generated entry point are
/// module Checks, which imports Solution and names every ExerciseKit declaration it uses explicitly.
/// The checks are compiled once per exercise and learner interface and kept; a save compiles only the
/// learner's module and links. Programs are kept by content hash, so an unchanged file is not compiled.
public struct Compiler: Sendable {
  public enum Outcome: Sendable, Equatable {
    case program(path: String, cached: Bool)
    /// The compiler's diagnostics, which name the learner's file (or a checks file) and line.
    case errors(String)
  }

  public let toolchain: Toolchain
  /// Where programs and compiled checks are kept, by content hash.
  public let cacheFolder: String
  /// Programs, and compiled checks, kept before the oldest are removed.
  public var keep = 24

  public init(toolchain: Toolchain, cacheFolder: String) {
    self.toolchain = toolchain
    self.cacheFolder = cacheFolder
  }

  /// Compiles solution with the checks (checks.swift, which declares `exerciseChecks`, then any further
  /// checks files), and with support (types the task gives the learner) when given. The checks see only
  /// the top-level declarations of the interface files (the starter, the support).
  public func compile(
    solution: String, checks: [String], support: String? = nil, interface: [String] = []
  ) throws(GradingError) -> Outcome {
    let files = FileManager.default
    guard !checks.isEmpty else { throw .cannotRun("the exercise has no checks file") }
    let solutionBytes = try Self.read(solution)
    var checksBytes: [Data] = []
    for path in checks { checksBytes.append(try Self.read(path)) }
    // Every checks file's path and text: a change to any of them compiles the checks again.
    let checksParts = zip(checks, checksBytes).flatMap { path, bytes in [Data(path.utf8), bytes] }
    let supportBytes = try support.map { path throws(GradingError) in try Self.read(path) }
    var names: [String] = []
    for path in interface {
      for name in SolutionInterface.declarations(in: String(decoding: try Self.read(path), as: UTF8.self))
      where !names.contains(name) {
        names.append(name)
      }
    }
    let preamble = CheckModule.preamble(solution: names)
    let key = ContentKey.of(
      [
        Data(toolchain.fingerprint.utf8), solutionBytes, supportBytes ?? Data(),
        Data(CheckModule.entryPoint.utf8), Data(preamble.utf8),
      ] + checksParts)
    let program = cacheFolder + "/" + key
    if files.isExecutableFile(atPath: program) {
      try? files.setAttributes([.modificationDate: Date()], ofItemAtPath: program)
      return .program(path: program, cached: true)
    }
    let work = cacheFolder + "/.work-" + UUID().uuidString
    do {
      try files.createDirectory(atPath: work, withIntermediateDirectories: true)
    } catch {
      throw .cannotRun("could not prepare \(work): \(error)")
    }
    defer { try? files.removeItem(atPath: work) }

    let solutionModule = work + "/Solution.swiftmodule"
    if let errors = try swiftc(
      [
        "-c", "-wmo", "-enable-testing", "-emit-module", "-emit-module-path", solutionModule,
      ] + Self.solutionModule(solution: solution, support: support) + ["-o", work + "/Solution.o"])
    {
      return .errors(errors)
    }
    guard let interface = files.contents(atPath: solutionModule) else {
      throw .cannotRun("the compiler wrote no module for your file")
    }
    let checksObject =
      cacheFolder + "/checks-"
      + ContentKey.of(
        [
          Data(toolchain.fingerprint.utf8), interface, Data(preamble.utf8),
          Data(CheckModule.entryPoint.utf8),
        ] + checksParts)
      + ".o"
    if !files.fileExists(atPath: checksObject) {
      // Each checks file behind its own copy of the preamble (imports hold in their file only).
      let sources = checks.indices.map { work + "/checks-\($0).swift" }
      do {
        for (index, path) in checks.enumerated() {
          try Data(CheckModule.source(checks: [UInt8](checksBytes[index]), path: path, solution: names).utf8)
            .write(to: URL(fileURLWithPath: sources[index]))
        }
        try Data(CheckModule.entryPoint.utf8).write(to: URL(fileURLWithPath: work + "/main.swift"))
      } catch {
        throw .cannotRun("could not prepare the checks: \(error)")
      }
      let partial = checksObject + ".partial-" + UUID().uuidString
      if let errors = try swiftc(
        ["-c", "-wmo", "-module-name", "Checks", "-I", work] + sources + [
          work + "/main.swift", "-o", partial,
        ])
      {
        try? files.removeItem(atPath: partial)
        return .errors(errors)
      }
      guard rename(partial, checksObject) == 0 else {
        throw .cannotRun("could not store the compiled checks")
      }
    } else {
      try? files.setAttributes([.modificationDate: Date()], ofItemAtPath: checksObject)
    }
    let partial = program + ".partial-" + UUID().uuidString
    var link = [
      work + "/Solution.o", checksObject, "-L", toolchain.runtime, "-lExerciseRuntime", "-Xlinker", "-rpath",
      "-Xlinker", toolchain.runtime, "-o", partial,
    ]
    // lld links the program noticeably faster than the system linker; the toolchain ships it.
    if files.isExecutableFile(atPath: (toolchain.swiftc as NSString).deletingLastPathComponent + "/ld.lld") {
      link.insert("-use-ld=lld", at: 0)
    }
    if let errors = try swiftc(["-emit-executable"] + link, language: false) {
      try? files.removeItem(atPath: partial)
      return .errors(errors)
    }
    guard rename(partial, program) == 0 else { throw .cannotRun("could not store the compiled program") }
    removeOld()
    return .program(path: program, cached: false)
  }

  /// The arguments that make the learner's file (and the exercise's support file) module Solution; with
  /// the toolchain's language arguments, an editor's language server sees the file as the grader does.
  public static func solutionModule(solution: String, support: String?) -> [String] {
    ["-parse-as-library", "-module-name", "Solution", solution] + (support.map { [$0] } ?? [])
  }

  /// Runs swiftc; nil when it succeeded, else what it printed. Compiling (language true) adds the
  /// toolchain's language arguments.
  private func swiftc(_ arguments: [String], language: Bool = true) throws(GradingError) -> String? {
    let common = language ? toolchain.languageArguments : []
    let result = try ChildProcess.run(
      toolchain.swiftc, arguments: common + arguments, environment: ProcessInfo.processInfo.environment,
      limits: RunLimits(seconds: 120, memoryBytes: 4 << 30, outputBytes: 256 << 10))
    guard result.ending != .exited(0) else { return nil }
    let text = String(decoding: result.output, as: UTF8.self)
    if result.ending == .timedOut { return "the compiler did not finish within 120 seconds\n" + text }
    return text.isEmpty ? "the compiler failed without a message (\(result.ending))" : text
  }

  private static func read(_ path: String) throws(GradingError) -> Data {
    guard let bytes = FileManager.default.contents(atPath: path) else {
      throw .cannotRun("could not read \(path)")
    }
    return bytes
  }

  /// Keeps the cache small: the `keep` most recently used programs and compiled checks stay.
  private func removeOld() {
    let files = FileManager.default
    guard let names = try? files.contentsOfDirectory(atPath: cacheFolder) else { return }
    for kind in [{ (name: String) in name.count == 32 }, { $0.hasPrefix("checks-") && $0.hasSuffix(".o") }] {
      let kept = names.filter(kind).map { cacheFolder + "/" + $0 }
        .compactMap { path in Toolchain.modified(path).map { (path, $0) } }
        .sorted { $0.1 > $1.1 }
      for (path, _) in kept.dropFirst(keep) { try? files.removeItem(atPath: path) }
    }
  }
}
