import Foundation
import Glibc

/// Long text on a terminal goes through the learner's pager, as git and man send it: $PAGER, else
/// `less` with LESS=FRX (it quits at once when the text fits one screen, keeps colours, and leaves the
/// text on the screen). In a pipe, or with no pager, the text is printed as it is.
enum Pager {
  static func show(_ lines: [String]) {
    let text = lines.map { $0 + "\n" }.joined()
    guard isatty(1) == 1, let command = command(ProcessInfo.processInfo.environment) else {
      Output.write(text)
      return
    }
    var environment = ProcessInfo.processInfo.environment
    if environment["LESS"] == nil { environment["LESS"] = "FRX" }
    let pager = Process()
    pager.executableURL = URL(fileURLWithPath: "/bin/sh")
    pager.arguments = ["-c", command]
    pager.environment = environment
    let input = Pipe()
    pager.standardInput = input
    do {
      try pager.run()
    } catch {
      Output.write(text)
      return
    }
    // Ctrl-C belongs to the pager while it runs, and a pager quit early must not end us with SIGPIPE.
    let interrupt = signal(SIGINT, SIG_IGN)
    let brokenPipe = signal(SIGPIPE, SIG_IGN)
    defer {
      signal(SIGINT, interrupt)
      signal(SIGPIPE, brokenPipe)
    }
    try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    try? input.fileHandleForWriting.close()
    pager.waitUntilExit()
  }

  /// The pager to run: PAGER when set (empty or "cat" means none), else less when it is on PATH.
  static func command(_ environment: [String: String]) -> String? {
    if let given = environment["PAGER"] {
      let trimmed = given.trimmingCharacters(in: .whitespaces)
      return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
    }
    let path = environment["PATH"] ?? "/usr/bin:/bin"
    let found = path.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: String($0) + "/less")
    }
    return found ? "less" : nil
  }
}
