import Foundation
import Glibc

/// Looks at the machine's processes through /proc, for tests that must show a process has ended.
enum ProcessProbe {
  /// The pids of `/bin/sleep SECONDS` processes that are alive (not zombies).
  static func sleepers(_ seconds: String) -> [pid_t] {
    pids().filter { isSleeper($0, seconds) }
  }

  /// Whether pid is a live `/bin/sleep SECONDS`.
  static func isSleeper(_ pid: pid_t, _ seconds: String) -> Bool {
    guard let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
    return String(decoding: command, as: UTF8.self) == "/bin/sleep\u{0}\(seconds)\u{0}" && isAlive(pid)
  }

  /// The command line of pid, its arguments joined by spaces.
  static func command(of pid: pid_t) -> String? {
    FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map {
      String(decoding: $0.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
  }

  /// Every live process whose executable lies under folder.
  static func running(under folder: String) -> [pid_t] {
    pids().filter { pid in
      let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
      return executable?.hasPrefix(folder) == true && isAlive(pid)
    }
  }

  /// Every live descendant of pid, found through the parent pid in each /proc/PID/stat.
  static func descendants(of root: pid_t) -> [pid_t] {
    var parents: [pid_t: pid_t] = [:]
    for pid in pids() {
      if let parent = field(4, of: pid).flatMap({ pid_t($0) }) { parents[pid] = parent }
    }
    var found: [pid_t] = []
    var queue = [root]
    while let next = queue.popLast() {
      let children = parents.filter { $0.value == next }.map(\.key)
      found += children
      queue += children
    }
    return found.filter(isAlive)
  }

  /// Whether pid exists and has not finished exiting.
  static func isAlive(_ pid: pid_t) -> Bool {
    guard let state = field(3, of: pid) else { return false }
    return state != "Z" && state != "X"
  }

  /// Polls condition every 50 ms for up to seconds; true once it holds.
  static func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      usleep(50_000)
    }
    return condition()
  }

  /// Field number (1-based, as proc(5) counts) of /proc/PID/stat.
  private static func field(_ number: Int, of pid: pid_t) -> String? {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
    let stat = String(decoding: data, as: UTF8.self)
    guard let close = stat.lastIndex(of: ")") else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    return number >= 3 && fields.count > number - 3 ? String(fields[number - 3]) : nil
  }

  private static func pids() -> [pid_t] {
    ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid_t($0) }
  }
}
