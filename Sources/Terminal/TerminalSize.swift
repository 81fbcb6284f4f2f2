import Foundation
import Glibc

/// The width of the terminal, so output can be wrapped to fit it.
public enum TerminalSize {
  /// The narrowest width reported, so layouts always have room for a few words.
  public static let minimumColumns = 20

  /// ioctl(TIOCGWINSZ) on fd, else COLUMNS from environment, else 80; never below 20.
  public static func columns(
    fd: Int32 = 1, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Int {
    var size = winsize()
    if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return max(minimumColumns, Int(size.ws_col))
    }
    if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)),
      columns > 0
    {
      return max(minimumColumns, columns)
    }
    return 80
  }

  /// The terminal's height from ioctl(TIOCGWINSZ) on fd, else LINES from environment; nil when neither
  /// says (output into a pipe has no height: nothing needs paging there).
  public static func rows(
    fd: Int32 = 1, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Int? {
    var size = winsize()
    if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return max(5, Int(size.ws_row)) }
    if let text = environment["LINES"], let rows = Int(text.trimmingCharacters(in: .whitespaces)), rows > 0 {
      return max(5, rows)
    }
    return nil
  }

  /// Whether fd is a terminal, whose width output should follow; output into a pipe or file is left
  /// whole for the program reading it.
  public static func isTerminal(_ fd: Int32 = 1) -> Bool { isatty(fd) == 1 }
}
