import CLinux
import ExerciseKit
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Limits for one run of a graded program.
public struct RunLimits: Sendable, Equatable {
  /// Seconds of wall time before the whole process group is killed.
  public var seconds: Double
  /// Resident memory, in bytes, before the whole process group is killed.
  public var memoryBytes: Int
  /// How much of stdout and stderr is kept; the rest is counted.
  public var outputBytes: Int

  public init(seconds: Double = 10, memoryBytes: Int = 512 << 20, outputBytes: Int = 64 << 10) {
    self.seconds = seconds
    self.memoryBytes = memoryBytes
    self.outputBytes = outputBytes
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
  public var seconds: Double
}

/// Runs a program in its own process group with stdin from /dev/null, stdout and stderr captured together
/// under a cap, a result channel on descriptor 3, a time limit and a memory limit. Both pipes are
/// drained while the child runs, so a chatty child never blocks; the whole group is killed at the end,
/// so no worker outlives its run.
public enum ChildProcess {
  public static func run(
    _ executable: String, arguments: [String] = [], environment: [String: String], limits: RunLimits,
    secret: [UInt8]? = nil
  ) throws(GradingError) -> ChildOutcome {
    let started = DispatchTime.now().uptimeNanoseconds
    let output = try Pipe.make()
    let channel = try Pipe.make()
    let secretPipe = try secret.map { bytes throws(GradingError) in try Pipe.holding(bytes) }
    defer { if let secretPipe { close(secretPipe.read) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, output.write, 1)
    posix_spawn_file_actions_adddup2(&actions, output.write, 2)
    posix_spawn_file_actions_adddup2(&actions, channel.write, 3)
    if let secretPipe { posix_spawn_file_actions_adddup2(&actions, secretPipe.read, GradeEnvironment.secret) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigfillset(&defaults)
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, &attributes, &argv, &envp)
    close(output.write)
    close(channel.write)
    defer {
      close(output.read)
      close(channel.read)
    }
    guard status == 0 else {
      throw GradingError.cannotRun("could not start \(executable): \(String(cString: strerror(status)))")
    }
    _ = cachelings_limit_address_space(pid, UInt64(limits.memoryBytes) * 8)

    var reader = Reader(limits: limits, output: output.read, channel: channel.read)
    let deadline = started + UInt64(limits.seconds * 1e9)
    var ending: ChildOutcome.Ending
    var reaped = false
    var waitStatus: Int32 = 0
    var usage = rusage()
    var lastMemoryCheck: UInt64 = 0
    var tree = ProcessTree(root: pid)
    while true {
      reader.pump(timeoutMilliseconds: 10)
      if wait4(pid, &waitStatus, WNOHANG, &usage) == pid {
        reaped = true
        ending = Self.ending(waitStatus, peak: Int(usage.ru_maxrss) * 1024, limits: limits)
        break
      }
      let now = DispatchTime.now().uptimeNanoseconds
      if now >= deadline {
        ending = .timedOut
        break
      }
      if now - lastMemoryCheck >= 10_000_000 {
        lastMemoryCheck = now
        let resident = tree.scan()
        if resident > limits.memoryBytes {
          ending = .killedForMemory(peakBytes: resident)
          break
        }
      }
    }
    tree.killAll()
    if !reaped { while wait4(pid, &waitStatus, 0, &usage) < 0 && errno == EINTR {} }
    reader.drainAvailable()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    return ChildOutcome(
      ending: ending, output: reader.output, droppedOutputBytes: reader.dropped,
      channel: reader.channel,
      seconds: seconds)
  }

  static func ending(_ status: Int32, peak: Int, limits: RunLimits) -> ChildOutcome.Ending {
    let signal = status & 0x7f
    guard signal != 0 else { return .exited((status >> 8) & 0xff) }
    // A program that hit the address-space cap dies of its failed allocation; its peak tells why.
    if peak >= limits.memoryBytes * 9 / 10 { return .killedForMemory(peakBytes: peak) }
    return .signalled(signal)
  }

  /// The two ends of a pipe; the read end is non-blocking and neither end leaks into other children.
  struct Pipe {
    var read: Int32
    var write: Int32

    static func make() throws(GradingError) -> Pipe {
      var ends: [Int32] = [0, 0]
      guard pipe(&ends) == 0 else { throw GradingError.cannotRun("could not open a pipe") }
      for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
      _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
      return Pipe(read: ends[0], write: ends[1])
    }

    /// A pipe whose read end holds bytes and whose write end is already closed: what a child reads once.
    static func holding(_ bytes: [UInt8]) throws(GradingError) -> Pipe {
      var ends: [Int32] = [0, 0]
      guard pipe(&ends) == 0 else { throw GradingError.cannotRun("could not open a pipe") }
      for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
      let written = bytes.withUnsafeBytes { Glibc.write(ends[1], $0.baseAddress, $0.count) }
      close(ends[1])
      // Above the descriptors the child is given, so that placing it on its own is a real dup2.
      let read = fcntl(ends[0], F_DUPFD_CLOEXEC, 10)
      close(ends[0])
      guard written == bytes.count, read >= 0 else {
        if read >= 0 { close(read) }
        throw GradingError.cannotRun("could not hand the program its token")
      }
      return Pipe(read: read, write: -1)
    }
  }

  /// Drains both pipes: output up to the cap (the rest only counted), the channel in full up to 16 MB.
  struct Reader {
    let limits: RunLimits
    let outputDescriptor: Int32
    let channelDescriptor: Int32
    var output: [UInt8] = []
    var dropped = 0
    var channel: [UInt8] = []
    var outputOpen = true
    var channelOpen = true
    var buffer = [UInt8](repeating: 0, count: 64 << 10)

    init(limits: RunLimits, output: Int32, channel: Int32) {
      self.limits = limits
      outputDescriptor = output
      channelDescriptor = channel
    }

    mutating func pump(timeoutMilliseconds: Int32) {
      var descriptors: [pollfd] = []
      if outputOpen { descriptors.append(pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0)) }
      if channelOpen { descriptors.append(pollfd(fd: channelDescriptor, events: Int16(POLLIN), revents: 0)) }
      if descriptors.isEmpty {
        usleep(UInt32(timeoutMilliseconds) * 1000)
        return
      }
      guard poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds) > 0 else { return }
      drainAvailable()
    }

    mutating func drainAvailable() {
      if outputOpen { outputOpen = drain(outputDescriptor, intoOutput: true) }
      if channelOpen { channelOpen = drain(channelDescriptor, intoOutput: false) }
    }

    /// Reads what is there without blocking; false once the writer has closed.
    private mutating func drain(_ descriptor: Int32, intoOutput: Bool) -> Bool {
      while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count == 0 { return false }
        if count < 0 { return errno == EAGAIN || errno == EINTR }
        if intoOutput {
          let room = max(0, limits.outputBytes - output.count)
          output.append(contentsOf: buffer[0..<min(room, count)])
          dropped += count - min(room, count)
        } else if channel.count < 16 << 20 {
          channel.append(contentsOf: buffer[0..<count])
        }
      }
    }
  }
}

/// The processes a graded program started, followed through /proc while it runs. Foundation's Process
/// puts its children in a session of their own, out of reach of the group kill, so they are killed by
/// pid; the start time recorded with each pid makes sure a reused pid is left alone.
struct ProcessTree {
  let root: pid_t
  private(set) var seen: [pid_t: UInt64] = [:]

  init(root: pid_t) {
    self.root = root
  }

  /// Looks again, remembering every descendant alive now; returns their resident bytes, root included.
  mutating func scan() -> Int {
    var resident = Self.resident(of: root)
    var queue = Self.children(of: root)
    while let pid = queue.popLast() {
      guard let started = Self.startTime(of: pid) else { continue }
      seen[pid] = started
      resident += Self.resident(of: pid)
      queue += Self.children(of: pid)
    }
    return resident
  }

  /// Kills the root's group and every descendant ever seen that is still the same process. Everything
  /// is stopped first and the tree scanned until it stops growing, so nothing forks out of reach
  /// between the last look and the kill.
  mutating func killAll() {
    kill(-root, SIGSTOP)
    var stopped: Set<pid_t> = []
    for _ in 0..<8 {
      _ = scan()
      let fresh = seen.keys.filter { !stopped.contains($0) }
      if fresh.isEmpty { break }
      for pid in fresh where Self.startTime(of: pid) == seen[pid] { kill(pid, SIGSTOP) }
      stopped.formUnion(fresh)
    }
    kill(-root, SIGKILL)
    for (pid, started) in seen where Self.startTime(of: pid) == started {
      kill(pid, SIGKILL)
    }
  }

  static func children(of pid: pid_t) -> [pid_t] {
    guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") else {
      return []
    }
    var children: [pid_t] = []
    for task in tasks {
      guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)
      else {
        continue
      }
      children += text.split(separator: " ").compactMap {
        pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
      }
    }
    return children
  }

  /// Field 22 of /proc/pid/stat, the start time in clock ticks; nil when the process is gone.
  static func startTime(of pid: pid_t) -> UInt64? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    return fields.count > 19 ? UInt64(fields[19]) : nil
  }

  static func resident(of pid: pid_t) -> Int {
    guard pid > 0, let statm = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else {
      return 0
    }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * pageSize
  }

  private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
}
