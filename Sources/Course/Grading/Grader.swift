import ExerciseKit
import Foundation

/// What to grade and where: the learner's file, the exercise, the backends, and the servers to use.
public struct GradeRequest: Sendable {
  public var exercise: Exercise
  public var solution: String
  public var backends: [Backend]
  /// A redis:// URL and a memcached host:port, and whether both accept the test clock command.
  public var redis: String?
  public var memcached: String?
  public var serverClock: Bool
  public var limits: RunLimits

  public init(
    exercise: Exercise, solution: String, backends: [Backend], redis: String? = nil, memcached: String? = nil,
    serverClock: Bool = false, limits: RunLimits? = nil
  ) {
    self.exercise = exercise
    self.solution = solution
    self.backends = backends
    self.redis = redis
    self.memcached = memcached
    self.serverClock = serverClock
    self.limits = limits ?? RunLimits(seconds: exercise.timeLimit)
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
    let compiled = try compiler.compile(solution: request.solution, checks: request.exercise.checksPath)
    let compileSeconds = Double(DispatchTime.now().uptimeNanoseconds - compileStart) / 1e9
    var report = GradeReport(
      exercise: request.exercise.id, verdict: .passed, cells: [], output: "", droppedOutputBytes: 0,
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

    let token = Self.newToken()
    let files = NSTemporaryDirectory() + "cachelings-files-\(token.prefix(12))"
    RunningChildren.track(folder: files)
    defer {
      try? FileManager.default.removeItem(atPath: files)
      RunningChildren.untrack(folder: files)
    }
    var environment = ProcessInfo.processInfo.environment
    environment[GradeEnvironment.token] = token
    environment[GradeEnvironment.backends] = request.backends.map(\.rawValue).joined(separator: ",")
    environment[GradeEnvironment.files] = files
    environment[GradeEnvironment.serverClock] = request.serverClock ? "1" : "0"
    environment[GradeEnvironment.redis] = request.redis
    environment[GradeEnvironment.memcached] = request.memcached
    let outcome = try ChildProcess.run(program, environment: environment, limits: request.limits)
    report.runSeconds = outcome.seconds
    report.output = String(decoding: outcome.output, as: UTF8.self)
    report.droppedOutputBytes = outcome.droppedOutputBytes
    let (cells, finished) = Self.cells(from: outcome.channel, token: token)
    report.cells = cells
    report.verdict = Self.verdict(
      outcome.ending, finished: finished, lostChannel: outcome.lostChannel, cells: cells,
      limits: request.limits)
    return report
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
      guard let check = record.check, let backend = record.backend else { continue }
      let index = cells.firstIndex { $0.check == check && $0.backend == backend }
      var cell = index.map { cells[$0] } ?? GradeReport.Cell(check: check, backend: backend, status: .notRun)
      switch record.event {
      case .planned, .worker, .done: break
      case .started: cell.status = .interrupted
      case .passed: cell.status = .passed
      case .failed: cell.status = .failed
      case .skipped: cell.status = .skipped
      }
      if record.event != .started && record.event != .planned {
        cell.message = record.message
        cell.expected = record.expected
        cell.got = record.got
        cell.why = record.why
        cell.line = record.line
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
enum SignalName {
  static func of(_ signal: Int32) -> String {
    let names: [Int32: String] = [
      1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS",
      8: "SIGFPE",
      9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM", 24: "SIGXCPU", 25: "SIGXFSZ",
      31: "SIGSYS",
    ]
    return names[signal] ?? "signal \(signal)"
  }

  /// What the signal usually means in a Swift program, for the verdict's explanation.
  static func meaning(_ name: String) -> String {
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
