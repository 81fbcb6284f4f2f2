import Foundation
import Glibc

/// Raw-mode keyboard input for interactive screens: keys arrive one at a time, unechoed, and the
/// terminal is put back however the program ends (restore, deinit, SIGINT/SIGTERM/SIGHUP, exit).
/// Instance state is behind a lock; the copy of the saved settings that signal handlers read lives in
/// `TerminalRestorer`. One RawTerminal should be active at a time.
public final class RawTerminal: @unchecked Sendable {
  private let input: Int32
  private let original: termios
  private let lock = NSLock()
  private var restored = false
  private var decoder = KeyDecoder()
  private var pending: [Key] = []

  /// How long a lone ESC waits for the rest of a sequence before it counts as the Escape key.
  static let escapeTimeoutMilliseconds: Int32 = 50

  /// Puts the input terminal in raw mode (no echo, no canonical mode, ISIG off so Ctrl-C arrives as a key, output processing left on); nil when input is not a terminal.
  public init?(input: Int32 = 0) {
    guard isatty(input) == 1 else { return nil }
    var settings = termios()
    guard tcgetattr(input, &settings) == 0 else { return nil }
    self.input = input
    self.original = settings
    var raw = settings
    raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
    raw.c_cflag |= tcflag_t(CS8)
    withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
      bytes[Int(VMIN)] = 1
      bytes[Int(VTIME)] = 0
    }
    TerminalRestorer.arm(fd: input, settings: settings)
    guard tcsetattr(input, TCSANOW, &raw) == 0 else {
      TerminalRestorer.disarm()
      return nil
    }
  }

  deinit {
    restore()
  }

  /// Blocks until a key arrives (uses poll with a ~50 ms timeout to turn a lone ESC into .escape); nil at end of input.
  public func readKey() -> Key? {
    var bytes = [UInt8](repeating: 0, count: 64)
    while true {
      let waiting: Bool = lock.withLock {
        pending.isEmpty ? decoder.hasPendingInput : false
      }
      if let key = lock.withLock({ pending.isEmpty ? nil : pending.removeFirst() }) { return key }
      var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, waiting ? RawTerminal.escapeTimeoutMilliseconds : -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if ready == 0 {
        lock.withLock { pending += decoder.flush() }
        continue
      }
      let count = read(input, &bytes, bytes.count)
      if count < 0, errno == EINTR || errno == EAGAIN { continue }
      if count <= 0 {
        return lock.withLock {
          pending += decoder.flush()
          return pending.isEmpty ? nil : pending.removeFirst()
        }
      }
      lock.withLock { pending += decoder.feed(Array(bytes[0..<count])) }
    }
  }

  /// The keys typed so far, without waiting for more: for a loop that also waits on something else (watch
  /// polls the keyboard beside its file notifications), so a key that is not a whole key yet never
  /// blocks it. Waits only the ~50 ms that tell a lone ESC from a sequence. nil at end of input.
  public func availableKeys() -> [Key]? {
    var bytes = [UInt8](repeating: 0, count: 64)
    while true {
      let waiting = lock.withLock { decoder.hasPendingInput }
      var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, waiting ? RawTerminal.escapeTimeoutMilliseconds : 0)
      if ready < 0 && errno == EINTR { continue }
      if ready <= 0 {
        return lock.withLock {
          pending += decoder.flush()
          defer { pending.removeAll() }
          return pending
        }
      }
      let count = read(input, &bytes, bytes.count)
      if count < 0, errno == EINTR || errno == EAGAIN { continue }
      if count <= 0 {
        return lock.withLock {
          pending += decoder.flush()
          defer { pending.removeAll() }
          return pending.isEmpty ? nil : pending
        }
      }
      lock.withLock { pending += decoder.feed(Array(bytes[0..<count])) }
    }
  }

  /// Restores the saved terminal settings; idempotent. Also called from deinit, and from SIGINT/SIGTERM/SIGHUP handlers installed by init (the handler restores with tcsetattr, which is async-signal-safe, then re-raises the signal with the default action) and via atexit.
  public func restore() {
    let first = lock.withLock {
      defer { restored = true }
      return !restored
    }
    guard first else { return }
    var settings = original
    _ = tcsetattr(input, TCSANOW, &settings)
    TerminalRestorer.disarm()
  }

  /// Puts back the settings of whichever RawTerminal is active, if one is: for a command that takes
  /// its signals in a thread of its own (so the handlers init installs never run) and is about to die.
  public static func restoreActive() {
    TerminalRestorer.restoreNow()
  }
}
