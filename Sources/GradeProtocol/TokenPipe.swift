import Glibc

/// How a run's token reaches a program: a pipe holding it, whose read end a child gets as
/// `GradeEnvironment.secret` and reads once. The grader makes one for each program, and a program for
/// each of its worker processes.
public enum TokenPipe {
  /// The read end of a pipe holding token, its write end closed, close-on-exec and above the descriptors
  /// a child is given (so that placing it on the secret descriptor is a real dup2); nil on failure.
  public static func holding(_ token: String) -> Int32? {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    let bytes = Array(token.utf8)
    let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
    close(ends[1])
    let read = fcntl(ends[0], F_DUPFD_CLOEXEC, 10)
    close(ends[0])
    guard written == bytes.count, read >= 0 else {
      if read >= 0 { close(read) }
      return nil
    }
    return read
  }
}
