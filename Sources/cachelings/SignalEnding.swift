import Course
import Foundation
import Glibc
import Grader
import Terminal

/// For the commands that grade: interrupted (Ctrl-C), terminated or hung up, the command ends every run
/// in progress, the learner's program with everything it started and the compiler alike, removes their
/// temporary folders and puts the terminal back, then dies of the same signal, as a shell expects.
enum SignalEnding {
  static let signals = [SIGINT, SIGTERM, SIGHUP]

  /// Blocks the signals in this thread and every thread started after it, and takes them in a thread
  /// of their own; call it before anything starts a thread.
  static func install() {
    var set = signalSet()
    pthread_sigmask(SIG_BLOCK, &set, nil)
    let thread = Thread {
      var set = signalSet()
      var received: Int32 = 0
      while sigwait(&set, &received) != 0 {}
      RunningChildren.endAll()
      RawTerminal.restoreActive()
      signal(received, SIG_DFL)
      var one = sigset_t()
      sigemptyset(&one)
      sigaddset(&one, received)
      pthread_sigmask(SIG_UNBLOCK, &one, nil)
      raise(received)
      exit(128 + received)
    }
    thread.start()
  }

  /// Runs body with the signals unblocked in this thread, so that a child it starts gets them unblocked
  /// and one that arrives meanwhile ends the command at once, as it would without install: for work
  /// during which no run is in progress.
  static func unblocked<T>(_ body: () -> T) -> T {
    var set = signalSet()
    var previous = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &set, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return body()
  }

  private static func signalSet() -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in signals { sigaddset(&set, signal) }
    return set
  }
}
