import Glibc

/// The processes of one run, followed through /proc while it runs: the supervisor at the root, the
/// namespace's first process when there is one, then the program and everything it started. It sums
/// what they use and remembers each pid with its start time, so a last-resort kill leaves a reused pid
/// alone.
struct ProcessTree {
  let root: pid_t
  /// How many levels from the root are the grader's own supervisors, not charged for memory.
  let supervisorLevels: Int
  private(set) var seen: [pid_t: UInt64] = [:]
  /// The graded program, once a scan has found it.
  private(set) var program: pid_t?
  private var files = ProcFile()

  init(root: pid_t, supervisorLevels: Int = 0) {
    self.root = root
    self.supervisorLevels = supervisorLevels
  }

  /// Looks again, remembering every process alive now; returns the bytes the program's processes use,
  /// their proportional set size (shared pages divided among the processes that share them).
  mutating func scan() -> Int {
    var used = 0
    var queue: [(pid: pid_t, level: Int)] = [(root, 0)]
    while let (pid, level) = queue.popLast() {
      guard let started = startTime(of: pid) else { continue }
      seen[pid] = started
      if level >= supervisorLevels {
        if program == nil && level == supervisorLevels { program = pid }
        used += memory(of: pid)
      }
      queue += children(of: pid).map { ($0, level + 1) }
    }
    return used
  }

  /// Kills every process ever seen that is still the same process (its start time unchanged): the
  /// last resort when the supervisor did not end the run itself.
  mutating func killSeen() {
    _ = scan()
    for (pid, started) in seen where startTime(of: pid) == started {
      kill(pid, SIGKILL)
    }
  }

  /// Whether the program has replaced or closed its descriptor 3 while running: it no longer points at
  /// the pipe named expected, and the program is neither exiting (which closes it) nor gone.
  mutating func programLostChannel(expected: String) -> Bool {
    guard let program else { return false }
    var link = [CChar](repeating: 0, count: 256)
    let count = readlink("/proc/\(program)/fd/3", &link, link.count - 1)
    let target =
      count > 0 ? String(decoding: link[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    guard target != expected, let fields = files.statFields(of: program), fields.count > 6,
      let flags = UInt(fields[6])
    else { return false }
    let exiting: UInt = 0x4
    return fields[0] != "Z" && fields[0] != "X" && flags & exiting == 0
  }

  /// The children of every thread of pid.
  mutating func children(of pid: pid_t) -> [pid_t] {
    ProcFile.entries("/proc/\(pid)/task").flatMap { files.numbers("/proc/\(pid)/task/\($0)/children") }
  }

  /// Field 22 of /proc/pid/stat, the start time in clock ticks; nil when the process is gone.
  mutating func startTime(of pid: pid_t) -> UInt64? {
    guard let fields = files.statFields(of: pid), fields.count > 19 else { return nil }
    return UInt64(fields[19])
  }

  /// The proportional set size of pid from smaps_rollup, else its resident size from statm.
  mutating func memory(of pid: pid_t) -> Int {
    if let kilobytes = files.kilobytes("/proc/\(pid)/smaps_rollup", field: "Pss") { return kilobytes << 10 }
    let pages = files.numbers("/proc/\(pid)/statm").dropFirst().first ?? 0
    return Int(pages) * Self.pageSize
  }

  private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
}
