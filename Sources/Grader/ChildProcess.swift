import CLinux
import Foundation
import Glibc

/// Limits for one run of a graded program.
public struct RunLimits: Sendable, Equatable {
  /// Seconds of wall time before every process of the run is killed.
  public var seconds: Double
  /// Memory, in bytes, that the run's processes may use together, counted as their proportional set
  /// size (pages shared by several processes divided among them), before every one is killed. Each
  /// process also has an address-space limit of eight times this.
  public var memoryBytes: Int
  /// How much of stdout and stderr is kept; the rest is counted.
  public var outputBytes: Int
  /// Whether to run the program in a new user and PID namespace when the kernel allows it, so that
  /// nothing it starts can outlive the run even if the grader itself is killed.
  public var namespaces: Bool
  /// Whether to hold the program's writes to the folders a run allows, where the kernel can (Landlock).
  public var confineWrites: Bool

  public init(
    seconds: Double = 10, memoryBytes: Int = 512 << 20, outputBytes: Int = 64 << 10, namespaces: Bool = true,
    confineWrites: Bool = true
  ) {
    self.seconds = seconds
    self.memoryBytes = memoryBytes
    self.outputBytes = outputBytes
    self.namespaces = namespaces
    self.confineWrites = confineWrites
  }
}

/// How a child process ended and what it wrote.
public struct ChildOutcome: Sendable, Equatable {
  public enum Ending: Sendable, Equatable {
    case exited(Int32)
    case signalled(Int32)
    case timedOut
    case killedForMemory(peakBytes: Int)
  }

  public var ending: Ending
  /// The first `outputBytes` of stdout and stderr together, as written.
  public var output: [UInt8]
  /// Bytes written beyond the cap.
  public var droppedOutputBytes: Int
  /// Everything written on the result channel.
  public var channel: [UInt8]
  /// Whether the program closed or replaced descriptor 3 while it ran, so the channel ended early.
  public var lostChannel = false
  public var seconds: Double
}

/// Runs a program under a supervisor (Sources/CLinux/Supervisor.c) with stdin from /dev/null, stdout and
/// stderr captured together under a cap, a result channel on descriptor 3 and no other descriptor, a
/// private TMPDIR, a time limit and a memory limit. Both pipes are drained while the child runs, so a
/// chatty child never blocks. When the run ends, however it ends, every process the program started
/// ends with it, and the TMPDIR is removed.
public enum ChildProcess {
  /// Whether programs can run in their own user and PID namespace here (see RunLimits.namespaces):
  /// the kernel allows it and CACHELINGS_NAMESPACES is not "0".
  public static let isolationAvailable =
    ProcessInfo.processInfo.environment["CACHELINGS_NAMESPACES"] != "0" && cachelings_can_isolate() != 0

  /// Whether the kernel enforces `writable` (Landlock); elsewhere it is not limited.
  public static let writesConfinable = cachelings_can_restrict_writes() != 0

  /// Runs executable. secret, when given, is what the program reads from descriptor 4; writable, when
  /// given, are the only folders (besides its TMPDIR) the program and everything it starts may write to.
  public static func run(
    _ executable: String, arguments: [String] = [], environment: [String: String], limits: RunLimits,
    secret: String? = nil, writable: [String]? = nil
  ) throws(GradingError) -> ChildOutcome {
    let started = DispatchTime.now().uptimeNanoseconds
    let scratch = try makeScratchFolder()
    RunningChildren.track(folder: scratch)
    defer {
      try? FileManager.default.removeItem(atPath: scratch)
      RunningChildren.untrack(folder: scratch)
    }
    var environment = environment
    environment["TMPDIR"] = scratch
    let output = try Pipe.make()
    let channel = try Pipe.make()
    let report = try Pipe.make()
    defer { [output.read, channel.read, report.read].forEach { close($0) } }
    let secretPipe = try secret.map { token throws(GradingError) in try Pipe.holding(token) }
    defer { if let secretPipe { close(secretPipe.read) } }
    let writable = limits.confineWrites ? writable.map { $0 + [scratch, "/dev/null"] } : nil
    let expectedChannel = pipeName(channel.write)
    let isolated = limits.namespaces && isolationAvailable
    let supervisor: pid_t
    do {
      supervisor = try RunningChildren.start { () throws(GradingError) -> pid_t in
        try spawn(
          executable, arguments: arguments, environment: environment, limits: limits, isolated: isolated,
          descriptors: (output.write, channel.write, report.write, secretPipe?.read ?? -1), writable: writable
        )
      }
    } catch {
      [output.write, channel.write, report.write].forEach { close($0) }
      throw error
    }
    [output.write, channel.write, report.write].forEach { close($0) }
    defer { RunningChildren.finished(supervisor) }

    var reader = Reader(limits: limits, output: output.read, channel: channel.read)
    let deadline = started + UInt64(limits.seconds * 1e9)
    var stopped: ChildOutcome.Ending?
    var reaped = false
    var lostChannel = false
    var nextMemoryCheck: UInt64 = 0
    var tree = ProcessTree(root: supervisor, supervisorLevels: isolated ? 2 : 1)
    // The program has been started by now: find it before it can close its channel.
    _ = tree.scan()
    while stopped == nil {
      reader.pump(timeoutMilliseconds: 10)
      if waitpid(supervisor, nil, WNOHANG) == supervisor {
        reaped = true
        break
      }
      let now = DispatchTime.now().uptimeNanoseconds
      if now >= deadline {
        stopped = .timedOut
      } else if now >= nextMemoryCheck {
        let used = tree.scan()
        // Reading smaps_rollup of many processes takes a while: look at most a tenth of the time.
        let took = DispatchTime.now().uptimeNanoseconds - now
        nextMemoryCheck = now + max(10_000_000, took * 10)
        if used > limits.memoryBytes { stopped = .killedForMemory(peakBytes: used) }
        if !lostChannel { lostChannel = tree.programLostChannel(expected: expectedChannel) }
      }
      if !reader.channelOpen && !lostChannel {
        lostChannel = tree.programLostChannel(expected: expectedChannel)
      }
    }
    if !reaped { end(supervisor, isolated: isolated, tree: &tree, reader: &reader) }
    // A supervisor that was killed could not end the processes it had adopted: end those seen.
    tree.killSeen()
    reader.drainAvailable()
    // No end from the supervisor: it was killed before the program ended.
    let ending =
      stopped ?? readProgramEnd(report.read).map {
        Self.ending($0.status, peak: $0.peak_kilobytes * 1024, limits: limits)
      }
      ?? .signalled(SIGKILL)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    return ChildOutcome(
      ending: ending, output: reader.output, droppedOutputBytes: reader.dropped,
      channel: reader.channel, lostChannel: lostChannel, seconds: seconds)
  }

  static func ending(_ status: Int32, peak: Int, limits: RunLimits) -> ChildOutcome.Ending {
    let signal = status & 0x7f
    guard signal != 0 else { return .exited((status >> 8) & 0xff) }
    // A program that hit the address-space cap dies of its failed allocation; its peak tells why.
    if peak >= limits.memoryBytes * 9 / 10 { return .killedForMemory(peakBytes: peak) }
    return .signalled(signal)
  }

  /// Ends the run and waits for its supervisor. With a namespace, killing the supervisor's group (the
  /// supervisor and the namespace's pid 1) makes the kernel end the rest; without, the supervisor is
  /// asked to kill what it adopted. Either way, if it has not ended within three seconds, every process
  /// of the run that was ever seen is killed, the supervisor included.
  private static func end(_ supervisor: pid_t, isolated: Bool, tree: inout ProcessTree, reader: inout Reader)
  {
    kill(isolated ? -supervisor : supervisor, isolated ? SIGKILL : SIGTERM)
    let deadline = DispatchTime.now().uptimeNanoseconds + 3_000_000_000
    while DispatchTime.now().uptimeNanoseconds < deadline {
      if waitpid(supervisor, nil, WNOHANG) == supervisor { return }
      reader.pump(timeoutMilliseconds: 10)
    }
    kill(-supervisor, SIGKILL)
    tree.killSeen()
    while waitpid(supervisor, nil, 0) < 0 && errno == EINTR {}
  }

  private static func spawn(
    _ executable: String, arguments: [String], environment: [String: String], limits: RunLimits,
    isolated: Bool, descriptors: (output: Int32, channel: Int32, report: Int32, secret: Int32),
    writable: [String]?
  ) throws(GradingError) -> pid_t {
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    let folders: [UnsafeMutablePointer<CChar>?] = (writable ?? []).map { strdup($0) } + [nil]
    defer { (argv + envp + folders).forEach { free($0) } }
    var pid: Int32 = 0
    let path = strdup(executable)
    defer { free(path) }
    let allowed = folders.map { UnsafePointer($0) }
    let status = argv.withUnsafeBufferPointer { argvBuffer in
      envp.withUnsafeBufferPointer { envpBuffer in
        allowed.withUnsafeBufferPointer { allowedBuffer in
          var request = cachelings_spawn_request(
            path: path, argv: argvBuffer.baseAddress, envp: envpBuffer.baseAddress,
            output: descriptors.output,
            channel: descriptors.channel, report: descriptors.report,
            address_space: UInt64(limits.memoryBytes) * 8, isolate: isolated ? 1 : 0,
            secret: descriptors.secret,
            writable: writable == nil ? nil : allowedBuffer.baseAddress)
          return cachelings_spawn_supervised(&request, &pid)
        }
      }
    }
    guard status == 0 else {
      if pid > 0 { while waitpid(pid, nil, 0) < 0 && errno == EINTR {} }
      throw GradingError.cannotRun("could not start \(executable): \(String(cString: strerror(status)))")
    }
    return pid
  }

  /// The program's end as its supervisor sent it; nil when it sent none (it was ended first).
  private static func readProgramEnd(_ descriptor: Int32) -> cachelings_program_end? {
    var end = cachelings_program_end()
    let count = withUnsafeMutableBytes(of: &end) { read(descriptor, $0.baseAddress, $0.count) }
    return count == MemoryLayout<cachelings_program_end>.size ? end : nil
  }

  /// "pipe:[inode]", as /proc/PID/fd shows the pipe descriptor refers to.
  private static func pipeName(_ descriptor: Int32) -> String {
    var status = stat()
    fstat(descriptor, &status)
    return "pipe:[\(status.st_ino)]"
  }

  /// A new folder for the run's TMPDIR.
  private static func makeScratchFolder() throws(GradingError) -> String {
    var template = Array((NSTemporaryDirectory() + "/cachelings-run-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw GradingError.cannotRun("could not make a temporary folder in \(NSTemporaryDirectory())")
    }
    return String(cString: made)
  }
}
