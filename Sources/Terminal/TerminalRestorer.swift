import Foundation
import Glibc

/// The terminal settings to put back when the process is interrupted or exits while a RawTerminal is
/// active. Signal handlers cannot take locks, so this state is written only by arm and disarm (under
/// a lock, outside signal context) and read without locking by the handlers, which only call
/// async-signal-safe functions (tcsetattr, signal, raise).
enum TerminalRestorer {
  /// The signals whose default action would end the process with the terminal left raw.
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  nonisolated(unsafe) private static let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
  nonisolated(unsafe) private static var armedFD: Int32 = -1
  nonisolated(unsafe) private static var previousHandlers: [(Int32, sighandler_t?)] = []
  nonisolated(unsafe) private static var atexitRegistered = false
  private static let guardLock = NSLock()

  /// Remembers settings for fd and installs the signal handlers and the atexit hook.
  static func arm(fd: Int32, settings: termios) {
    withGuard {
      saved.pointee = settings
      armedFD = fd
      if !atexitRegistered {
        atexitRegistered = true
        atexit { TerminalRestorer.restoreNow() }
      }
      if previousHandlers.isEmpty {
        previousHandlers = signals.map { ($0, signal($0, handleSignal)) }
      }
    }
  }

  /// Forgets the settings and puts back the signal handlers that were there before arm.
  static func disarm() {
    withGuard {
      armedFD = -1
      for (signalNumber, handler) in previousHandlers {
        signal(signalNumber, handler ?? SIG_DFL)
      }
      previousHandlers.removeAll()
    }
  }

  /// Puts the saved settings back if armed; safe to call from a signal handler.
  static func restoreNow() {
    let fd = armedFD
    guard fd >= 0 else { return }
    _ = tcsetattr(fd, TCSANOW, saved)
  }

  private static func withGuard(_ body: () -> Void) {
    guardLock.withLock(body)
  }
}

/// Restores the terminal, then lets the signal do what it would have done: default action, raised again.
private func handleSignal(_ signalNumber: Int32) {
  TerminalRestorer.restoreNow()
  signal(signalNumber, SIG_DFL)
  raise(signalNumber)
}
