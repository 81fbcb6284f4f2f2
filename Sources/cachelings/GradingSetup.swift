import Arguments
import Course
import Foundation
import GradeProtocol
import Grader
import Primitives

/// What every grading command needs: the backends asked for, the toolchain with an up-to-date runtime,
/// the servers, and a grader whose programs are cached in the workspace.
struct GradingSetup {
  let backends: [Backend]
  let servers: GradingServers
  let grader: Grader
  let workspace: ExerciseWorkspace

  /// Reads --backend, --redis and --memcached. What is wrong is printed, and the exit status thrown:
  /// 2 for a wrong argument, 1 when grading cannot happen here.
  static func make(_ arguments: ParsedArguments, setup: CourseSetup) throws(ExitStatus) -> GradingSetup {
    guard let backends = parseBackends(arguments.value("backend") ?? "all") else { throw ExitStatus(2) }
    let servers: GradingServers
    do {
      servers = try GradingServers(
        for: backends, redisURL: arguments.value("redis"),
        memcachedAddress: arguments.value("memcached"))
    } catch let error as GradingSetupError {
      Output.error(error.description)
      throw ExitStatus(2)
    } catch {
      Output.error("could not start a server for grading: \(error)")
      throw ExitStatus(1)
    }
    do {
      let toolchain = try Toolchain.locate(course: setup.root)
      guard prepareRuntime(toolchain, packageRoot: setup.root) else { throw ExitStatus(1) }
      let workspace = ExerciseWorkspace(folder: setup.workspace, toolchain: toolchain)
      return GradingSetup(
        backends: backends, servers: servers,
        grader: Grader(compiler: Compiler(toolchain: toolchain, cacheFolder: workspace.buildCache)),
        workspace: workspace)
    } catch let error as ExitStatus {
      throw error
    } catch {
      Output.error("\(error)")
      throw ExitStatus(1)
    }
  }

  static func parseBackends(_ text: String) -> [Backend]? {
    if text == "all" { return Backend.allCases }
    switch Backend.list(parsing: text) {
    case .success(let backends): return backends
    case .failure(let unknown):
      let hint = Suggestions.didYouMean(unknown.name, among: Backend.allCases.map(\.rawValue) + ["all"])
      Output.error("there is no backend '\(unknown.name)'\(hint); use \(Backend.names) or all")
      return nil
    }
  }

  /// Builds the ExerciseRuntime library when it is missing or older than the modules, as it is after a
  /// `swift run cachelings`, which builds only the command line.
  static func prepareRuntime(_ toolchain: Toolchain, packageRoot: String) -> Bool {
    if toolchain.runtimeIsCurrent { return true }
    guard let arguments = toolchain.runtimeBuildArguments(packageRoot: packageRoot) else {
      Output.error(
        "the exercise runtime (libExerciseRuntime.so) is missing beside this cachelings in \(toolchain.runtime); "
          + "build the course with `swift build` (or `swift build -c release`) and try again")
      return false
    }
    let swift = (toolchain.swiftc as NSString).deletingLastPathComponent + "/swift"
    Output.error("preparing the exercise runtime once: swift \(arguments.joined(separator: " "))")
    // The build's progress goes to standard error, so --json output stays clean.
    let build = Process()
    build.executableURL = URL(fileURLWithPath: swift)
    build.arguments = arguments
    build.standardOutput = FileHandle.standardError
    // Foundation's Process passes on the blocked signals; the build must stop at Ctrl-C as usual.
    let started = SignalEnding.unblocked {
      do {
        try build.run()
      } catch {
        return false
      }
      build.waitUntilExit()
      return true
    }
    guard started else {
      Output.error("could not run \(swift); build the course with `swift build` and try again")
      return false
    }
    guard build.terminationStatus == 0, toolchain.runtimeIsCurrent else {
      Output.error("building the exercise runtime failed; `swift build` in \(packageRoot) shows why")
      return false
    }
    return true
  }

  /// A grading request for the learner's file of exercise, with the servers of this setup.
  /// Grades solution of exercise on servers as fresh as the first grade's.
  func grade(_ exercise: Exercise, solution: String) throws -> GradeReport {
    try servers.renew()
    return try grader.grade(request(exercise, solution: solution))
  }

  func request(_ exercise: Exercise, solution: String) -> GradeRequest {
    let wanted = backends.filter { exercise.backends.contains($0) }
    return exercise.gradeRequest(
      solution: solution, backends: wanted, redis: servers.redis, memcached: servers.memcached,
      secondMemcached: servers.secondMemcached, serverClock: servers.clock)
  }
}

/// The status a command exits with after it has printed why.
struct ExitStatus: Error {
  let code: Int32
  init(_ code: Int32) { self.code = code }
}
