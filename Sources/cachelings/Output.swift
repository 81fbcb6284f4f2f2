import Foundation
import Terminal

/// Standard output and error, flushed as they go so screens and pipes see text at once.
enum Output {
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// "cachelings: message" on standard error; on a terminal a line wider than it wraps at a word,
  /// keeping its indent, while into a pipe or file each line is left whole.
  static func error(_ message: String) {
    var lines = "cachelings: \(message)".split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    if TerminalSize.isTerminal(2) {
      let width = TerminalSize.columns(fd: 2)
      lines = lines.flatMap { line -> [String] in
        guard DisplayWidth.of(line) > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        return wrap(line, width: width, firstIndent: indent, indent: indent)
      }
    }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
  }
}
