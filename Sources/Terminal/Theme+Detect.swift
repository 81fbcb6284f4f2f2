import Foundation
import Glibc

extension Theme {
  /// Decides colour and Unicode for a file descriptor: colour is off when NO_COLOR is set to a non-empty value, when noColorFlag is true, when TERM=dumb, or when fd is not a terminal (isatty); unicode is off when TERM=dumb or CACHELINGS_ASCII=1 in environment, else on.
  public static func detect(
    fd: Int32 = 1, noColorFlag: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Theme {
    detect(isTerminal: isatty(fd) == 1, noColorFlag: noColorFlag, environment: environment)
  }

  /// The rules of `detect(fd:noColorFlag:environment:)` with the isatty answer given, so they can be
  /// checked without a terminal.
  public static func detect(isTerminal: Bool, noColorFlag: Bool, environment: [String: String]) -> Theme {
    let dumb = environment["TERM"] == "dumb"
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let color = isTerminal && !noColorFlag && !noColor && !dumb
    let unicode = !dumb && environment["CACHELINGS_ASCII"] != "1"
    return Theme(color: color, unicode: unicode)
  }
}
