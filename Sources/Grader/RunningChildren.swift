import Foundation
import Glibc
import Synchronization

/// The supervisors of the runs in progress and the temporary folders they use, so that a command
/// interrupted by a signal can end every one of them and remove the folders before it dies.
public enum RunningChildren {
  private struct State {
    var supervisors: Set<pid_t> = []
    var folders: Set<String> = []
    var ending = false
  }

  private static let state = Mutex(State())

  /// Ends every run in progress (its supervisor ends the program and everything it started), waits up
  /// to three seconds for them, kills what is left, and removes the temporary folders. No run starts
  /// after this.
  public static func endAll() {
    let (supervisors, folders) = state.withLock { state in
      state.ending = true
      return (state.supervisors, state.folders)
    }
    for supervisor in supervisors { kill(supervisor, SIGTERM) }
    let deadline = DispatchTime.now().uptimeNanoseconds + 3_000_000_000
    var left = supervisors
    while !left.isEmpty && DispatchTime.now().uptimeNanoseconds < deadline {
      left = left.filter { kill($0, 0) == 0 && !isZombie($0) }
      if !left.isEmpty { usleep(10_000) }
    }
    for supervisor in left { kill(-supervisor, SIGKILL) }
    for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
  }

  /// Runs start, which starts a supervisor and returns its pid, unless endAll has begun.
  static func start(_ start: () throws(GradingError) -> pid_t) throws(GradingError) -> pid_t {
    try state.withLock { (state: inout State) throws(GradingError) -> pid_t in
      guard !state.ending else { throw GradingError.cannotRun("grading was interrupted") }
      let supervisor = try start()
      state.supervisors.insert(supervisor)
      return supervisor
    }
  }

  /// Forgets a supervisor that has ended. A run that endAll cut short never returns: the thread that
  /// called endAll is about to end the process, which should die of its signal, not exit first.
  static func finished(_ supervisor: pid_t) {
    let ending = state.withLock { state in
      state.supervisors.remove(supervisor)
      return state.ending
    }
    while ending { pause() }
  }

  /// Remembers a temporary folder to remove if the command is interrupted.
  public static func track(folder: String) {
    _ = state.withLock { $0.folders.insert(folder) }
  }

  /// Forgets a folder the run has removed.
  public static func untrack(folder: String) {
    _ = state.withLock { $0.folders.remove(folder) }
  }

  private static func isZombie(_ pid: pid_t) -> Bool {
    var files = ProcFile()
    return files.statFields(of: pid)?.first == "Z"
  }
}
