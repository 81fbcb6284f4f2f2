import Foundation
import GradeProtocol
import Synchronization

/// What to grade and where, in plain terms: the learner's file, the exercise's checks (and support),
/// the files only the course may change, the backends, the servers and the limits.
public struct GradeRequest: Sendable {
  /// The exercise's id, carried into the report.
  public var exercise: String
  public var solution: String
  /// The checks files: checks.swift, which declares `exerciseChecks`, first.
  public var checks: [String]
  /// Types the task gives the learner, compiled with the learner's file.
  public var support: String?
  /// Files whose top-level declarations the checks may see of the learner's module: the starter and
  /// the support file.
  public var interface: [String]
  /// Files the program must not change; changed ones are put back and the grade does not count.
  public var protectedFiles: [String]
  public var backends: [Backend]
  /// A redis:// URL and a memcached host:port, and whether both accept the test clock command.
  public var redis: String?
  public var memcached: String?
  /// A second memcached server (host:port) for checks that grade a pool of two; nil when there is none.
  public var secondMemcached: String?
  public var serverClock: Bool
  public var limits: RunLimits

  public init(
    exercise: String, solution: String, checks: [String], support: String? = nil, interface: [String] = [],
    protectedFiles: [String] = [],
    backends: [Backend], redis: String? = nil, memcached: String? = nil,
    secondMemcached: String? = nil, serverClock: Bool = false, limits: RunLimits = RunLimits()
  ) {
    self.exercise = exercise
    self.solution = solution
    self.checks = checks
    self.support = support
    self.interface = interface
    self.protectedFiles = protectedFiles
    self.backends = backends
    self.redis = redis
    self.memcached = memcached
    self.secondMemcached = secondMemcached
    self.serverClock = serverClock
    self.limits = limits
  }
}

/// Compiles a solution with its exercise's checks, runs the program under limits and turns what came
/// back on the result channel into a report.
public struct Grader: Sendable {
  public let compiler: Compiler

  public init(compiler: Compiler) {
    self.compiler = compiler
  }

  public func grade(_ request: GradeRequest) throws(GradingError) -> GradeReport {
    let compileStart = DispatchTime.now().uptimeNanoseconds
    let compiled = try compiler.compile(
      solution: request.solution, checks: request.checks, support: request.support,
      interface: request.interface)
    let compileSeconds = Double(DispatchTime.now().uptimeNanoseconds - compileStart) / 1e9
    var report = GradeReport(
      exercise: request.exercise, verdict: .passed, cells: [], output: "", droppedOutputBytes: 0,
      compileSeconds: compileSeconds, runSeconds: 0, cachedProgram: false)
    let program: String
    switch compiled {
    case .errors(let diagnostics):
      report.verdict = .compileError(diagnostics)
      return report
    case .program(let path, let cached):
      program = path
      report.cachedProgram = cached
    }
    let courseFiles = ProtectedFiles(
      request.protectedFiles, checkFolders: request.checks.map { ($0 as NSString).deletingLastPathComponent })
    // Put back what a program changed however the runs end, also when one could not start; the normal
    // path below restores first, to name the files, and then this finds nothing left to do.
    defer { _ = courseFiles.restoreChanged() }
    // Each backend's checks run in a program of their own, all at once: the backends share nothing a
    // check can see, and the slowest backend, not their sum, sets the time to a verdict.
    let runStart = DispatchTime.now().uptimeNanoseconds
    let runs = try Self.runAll(request.backends) { backend throws(GradingError) in
      try run(program, on: backend, request)
    }
    report.runSeconds = Double(DispatchTime.now().uptimeNanoseconds - runStart) / 1e9
    // What the programs printed, in the backends' order, under the one cap the request sets.
    let printed = runs.flatMap(\.output)
    report.output = VisibleControls.escape(
      String(decoding: printed.prefix(request.limits.outputBytes), as: UTF8.self))
    report.droppedOutputBytes =
      runs.map(\.droppedOutputBytes).reduce(0, +) + max(0, printed.count - request.limits.outputBytes)
    report.cells = runs.flatMap(\.cells).sorted {
      ($0.order, $0.backend.order) < ($1.order, $1.backend.order)
    }
    let verdicts = runs.map {
      Self.verdict(
        $0.ending, finished: $0.finished, lostChannel: $0.lostChannel, cells: $0.cells, limits: request.limits
      )
    }
    report.verdict =
      verdicts.first { $0 != .passed && $0 != .failed } ?? verdicts.first { $0 == .failed } ?? .passed
    if report.verdict == .passed && !report.cells.contains(where: { $0.status == .passed }) {
      report.verdict = .nothingPassed
    }
    let changed = courseFiles.restoreChanged()
    if !changed.isEmpty { report.verdict = .changedCourseFiles(changed) }
    return report
  }

  /// What one backend's program did.
  struct BackendRun: Sendable {
    var backend: Backend
    var ending: ChildOutcome.Ending
    var finished: Bool
    var cells: [GradeReport.Cell]
    var output: [UInt8]
    var droppedOutputBytes: Int
    var seconds: Double
    var lostChannel: Bool
  }

  /// Runs the program for one backend; the run's token reaches the program on its own descriptor, which
  /// the program reads and closes before any learner code runs, so no code of the learner's can read it
  /// back from the environment.
  private func run(
    _ program: String, on backend: Backend, _ request: GradeRequest
  ) throws(GradingError)
    -> BackendRun
  {
    let token = Self.newToken()
    let files = NSTemporaryDirectory() + "cachelings-files-\(token.prefix(12))"
    RunningChildren.track(folder: files)
    defer {
      try? FileManager.default.removeItem(atPath: files)
      RunningChildren.untrack(folder: files)
    }
    var environment = ProcessInfo.processInfo.environment
    environment[GradeEnvironment.backends] = backend.rawValue
    environment[GradeEnvironment.files] = files
    environment[GradeEnvironment.serverClock] = request.serverClock ? "1" : "0"
    environment[GradeEnvironment.redis] = request.redis
    environment[GradeEnvironment.memcached] = request.memcached
    environment[GradeEnvironment.secondMemcached] = request.secondMemcached
    // The program may write only here and in its own TMPDIR (where the kernel enforces it), so it cannot
    // change the course's checks or the learner's progress.
    try? FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
    let outcome = try ChildProcess.run(
      program, environment: environment, limits: request.limits, secret: token, writable: [files])
    let (cells, finished) = Self.cells(from: outcome.channel, token: token)
    return BackendRun(
      backend: backend, ending: outcome.ending, finished: finished, cells: cells, output: outcome.output,
      droppedOutputBytes: outcome.droppedOutputBytes, seconds: outcome.seconds,
      lostChannel: outcome.lostChannel)
  }

  /// body for every backend at once, each on a thread of its own, the results in the backends' order.
  /// A thread each, not a pool the size of the machine: a run mostly waits (on its program, on the
  /// servers, on the clock), so on two cores a pool would grade four backends two at a time.
  static func runAll(
    _ backends: [Backend], _ body: @escaping @Sendable (Backend) throws(GradingError) -> BackendRun
  ) throws(GradingError) -> [BackendRun] {
    let results = Mutex([Result<BackendRun, GradingError>?](repeating: nil, count: backends.count))
    let finished = DispatchGroup()
    for index in backends.indices {
      finished.enter()
      Thread {
        let result: Result<BackendRun, GradingError>
        do throws(GradingError) {
          result = .success(try body(backends[index]))
        } catch {
          result = .failure(error)
        }
        results.withLock { $0[index] = result }
        finished.leave()
      }.start()
    }
    finished.wait()
    var runs: [BackendRun] = []
    for result in results.withLock({ $0 }) { runs.append(try result!.get()) }
    return runs
  }

  /// Replays the channel's records into cells; only lines carrying this run's token count.
  static func cells(from channel: [UInt8], token: String) -> (cells: [GradeReport.Cell], finished: Bool) {
    var cells: [GradeReport.Cell] = []
    var finished = false
    let decoder = JSONDecoder()
    for line in channel.split(separator: UInt8(ascii: "\n")) {
      guard let record = try? decoder.decode(GradeRecord.self, from: Data(line)), record.token == token else {
        continue
      }
      if record.event == .done {
        finished = true
        continue
      }
      guard let check = record.check.map(VisibleControls.escape), let backend = record.backend else {
        continue
      }
      let index = cells.firstIndex { $0.check == check && $0.backend == backend }
      var cell =
        index.map { cells[$0] }
        ?? GradeReport.Cell(
          check: check, backend: backend, status: .notRun, order: record.order ?? cells.count)
      switch record.event {
      case .planned, .worker, .done: break
      case .started: cell.status = .interrupted
      case .passed: cell.status = .passed
      case .failed: cell.status = .failed
      case .skipped: cell.status = .skipped
      }
      if record.event != .started && record.event != .planned {
        cell.details = (record.details ?? CheckDetails()).mapText(VisibleControls.escape)
        cell.milliseconds = record.milliseconds
      }
      if let index { cells[index] = cell } else { cells.append(cell) }
    }
    return (cells, finished)
  }

  static func verdict(
    _ ending: ChildOutcome.Ending, finished: Bool, lostChannel: Bool, cells: [GradeReport.Cell],
    limits: RunLimits
  ) -> GradeReport.Verdict {
    switch ending {
    case .timedOut: return .timedOut(seconds: limits.seconds)
    case .killedForMemory(let peak): return .killedForMemory(megabytes: peak >> 20)
    case .signalled(let signal): return .crashed(signal: SignalName.of(signal))
    case .exited(let status):
      let runnerSawLoss = status == GradeEnvironment.lostChannelStatus
      if !finished && (lostChannel || runnerSawLoss) { return .lostResultChannel }
      guard finished, status == 0 else { return .exitedEarly(status: status) }
      return cells.contains { $0.status == .failed } ? .failed : .passed
    }
  }

  static func newToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
  }
}

/// Names of the signals a crashing program dies of.
public enum SignalName {
  public static func of(_ signal: Int32) -> String {
    let names: [Int32: String] = [
      1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS",
      8: "SIGFPE",
      9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM", 24: "SIGXCPU", 25: "SIGXFSZ",
      31: "SIGSYS",
    ]
    return names[signal] ?? "signal \(signal)"
  }

  /// What the signal usually means in a Swift program, for the verdict's explanation.
  public static func meaning(_ name: String) -> String {
    switch name {
    case "SIGTRAP", "SIGILL":
      return
        "a Swift runtime trap: fatalError, a failed precondition, a force-unwrapped nil, an index out of range "
        + "or an arithmetic overflow"
    case "SIGSEGV", "SIGBUS":
      return "an invalid memory access, often unbounded recursion or an unsafe pointer"
    case "SIGABRT": return "an abort, such as a failed allocation or an uncaught runtime error"
    case "SIGFPE": return "a division by zero"
    default: return "the program was stopped by a signal"
    }
  }
}
