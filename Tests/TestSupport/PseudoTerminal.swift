import CLinux
import Foundation
import Glibc

/// Runs a program on a pseudo-terminal, as a learner's terminal would, so tests can type keys and read
/// the screens it draws.
public final class PseudoTerminal {
  public let pid: pid_t
  private let master: Int32
  /// Everything the program wrote so far, escape codes included.
  public private(set) var output: [UInt8] = []
  private var exitStatus: Int32?

  public init(
    executable: String, arguments: [String], environment: [String: String], columns: UInt16 = 100,
    rows: UInt16 = 40
  ) throws {
    var nameBuffer = [CChar](repeating: 0, count: 128)
    let master = cachelings_open_pseudo_terminal(&nameBuffer, UInt(nameBuffer.count))
    guard master >= 0 else { throw POSIXError(.ENOTTY) }
    let name = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    let slave = open(name, O_RDWR | O_NOCTTY)
    guard slave >= 0 else { throw POSIXError(.ENOTTY) }
    defer { close(slave) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for target in 0...2 { posix_spawn_file_actions_adddup2(&actions, slave, Int32(target)) }

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var child: pid_t = 0
    let result = posix_spawn(&child, executable, &actions, nil, argv, envp)
    guard result == 0 else {
      close(master)
      throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL)
    }
    self.pid = child
    self.master = master
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
  }

  /// Types text as if from the keyboard.
  public func send(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Whether the terminal is in its usual cooked mode (echo and line editing on), as a program must
  /// leave it; on Linux the master side reads the settings of the side the program has.
  public var isCooked: Bool {
    var settings = termios()
    guard tcgetattr(master, &settings) == 0 else { return false }
    let cooked = tcflag_t(ECHO | ICANON | ISIG)
    return settings.c_lflag & cooked == cooked
  }

  /// The output so far as text with escape sequences removed.
  public var text: String { Self.plain(output) }

  /// Reads until the plain text after `offset` characters contains one of needles; returns which one, or
  /// nil when the program ended or the timeout passed first.
  @discardableResult
  public func waitFor(_ needles: [String], after offset: Int = 0, timeout: Double = 10) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let seen = String(text.dropFirst(offset))
      if let found = needles.first(where: { seen.contains($0) }) { return found }
      let left = deadline.timeIntervalSinceNow
      guard left > 0, readSome(timeout: left) else { return nil }
    }
  }

  /// Whether the program is still running; one that ended is reaped, and `wait` returns its status.
  public var isRunning: Bool {
    if exitStatus != nil { return false }
    var status: Int32 = 0
    guard waitpid(pid, &status, WNOHANG) == pid else { return true }
    exitStatus = status
    return false
  }

  /// Waits for the program to exit and returns its status (killing it after the timeout).
  public func wait(timeout: Double = 10) -> Int32 {
    if let exitStatus {
      while readSome(timeout: 0.05) {}
      return (exitStatus >> 8) & 0xff
    }
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      _ = readSome(timeout: 0.05)
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        exitStatus = status
        while readSome(timeout: 0.05) {}
        return (status >> 8) & 0xff
      }
    }
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    exitStatus = status
    return -1
  }

  private func readSome(timeout: Double) -> Bool {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, Int32(max(1, timeout * 1000))) > 0 else { return false }
    var buffer = [UInt8](repeating: 0, count: 65_536)
    let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
    guard count > 0 else { return false }
    output += buffer[..<count]
    return true
  }

  /// Text without ANSI escape sequences and carriage returns.
  public static func plain(_ bytes: [UInt8]) -> String {
    var kept: [UInt8] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x1B, index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") {
        index += 2
        while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
        index += 1
        continue
      }
      if byte != UInt8(ascii: "\r") { kept.append(byte) }
      index += 1
    }
    return String(decoding: kept, as: UTF8.self)
  }
}
