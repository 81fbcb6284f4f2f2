import Foundation

/// The Swift compiler and the exercise runtime (ExerciseKit and CacheKit, built as the ExerciseRuntime
/// library) from the very build the command line runs from, so learner code links against the same
/// modules the course was compiled with.
public struct Toolchain: Sendable, Equatable {
  public var swiftc: String
  /// The build folder holding libExerciseRuntime.so and Modules/.
  public var runtime: String

  public var library: String { runtime + "/libExerciseRuntime.so" }
  public var modules: String { runtime + "/Modules" }

  /// What every compile of course code passes: the language mode, the debug optimisation level and the
  /// runtime's modules (CacheKit, ExerciseKit).
  public var languageArguments: [String] { ["-swift-version", "6", "-Onone", "-I", modules] }

  /// Finds swiftc (CACHELINGS_SWIFTC, else PATH) and the runtime: CACHELINGS_RUNTIME, else beside the
  /// executable when it holds the library or is a SwiftPM build folder, else the release build of the
  /// course at course (a copy installed by `swift package experimental-install` is a release build, and
  /// the course's .build/release is where that build left the modules).
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executable: String = Toolchain.executable, course: String? = nil
  ) throws(GradingError)
    -> Toolchain
  {
    guard let swiftc = findCompiler(environment) else {
      throw .noToolchain(
        "No Swift compiler (swiftc) was found on PATH, and grading compiles your solution with it. Install a "
          + "Swift toolchain (swift.org/install), or set CACHELINGS_SWIFTC to the path of its swiftc.")
    }
    if let given = environment["CACHELINGS_RUNTIME"], !given.isEmpty {
      return Toolchain(swiftc: swiftc, runtime: given)
    }
    let beside = (executable as NSString).deletingLastPathComponent
    let besideIsBuild =
      beside.contains("/.build/") || FileManager.default.fileExists(atPath: beside + "/libExerciseRuntime.so")
    guard !besideIsBuild, let course else { return Toolchain(swiftc: swiftc, runtime: beside) }
    return Toolchain(swiftc: swiftc, runtime: course + "/.build/release")
  }

  /// The running program's own path, links resolved.
  public static var executable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }

  static func findCompiler(_ environment: [String: String]) -> String? {
    if let given = environment["CACHELINGS_SWIFTC"], !given.isEmpty {
      return FileManager.default.isExecutableFile(atPath: given) ? given : nil
    }
    for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let candidate = String(folder) + "/swiftc"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Whether the runtime library exists and is at least as new as the modules it was built from; a
  /// `swift run cachelings` rebuilds the modules but not the library product.
  public var runtimeIsCurrent: Bool {
    guard let library = Self.modified(library) else { return false }
    for module in ["ExerciseKit", "GradeProtocol", "CacheKit"] {
      guard let built = Self.modified(modules + "/\(module).swiftmodule"), built <= library else {
        return false
      }
    }
    return true
  }

  /// The `swift build` arguments that bring the runtime up to date, when this is a SwiftPM build folder
  /// of the package at packageRoot; nil when it is not one.
  public func runtimeBuildArguments(packageRoot: String) -> [String]? {
    guard runtime.contains("/.build/"), FileManager.default.fileExists(atPath: packageRoot + "/Package.swift")
    else {
      return nil
    }
    let configuration = (runtime as NSString).lastPathComponent == "release" ? "release" : "debug"
    return ["build", "--package-path", packageRoot, "--product", "ExerciseRuntime", "-c", configuration]
  }

  /// A fingerprint of the compiler and runtime, part of every cached program's key.
  var fingerprint: String {
    let library = Self.modified(self.library).map { "\($0.timeIntervalSince1970)" } ?? "none"
    return "\(swiftc)|\(runtime)|\(library)"
  }

  static func modified(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
  }
}
