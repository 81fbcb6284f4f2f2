import Foundation
import Glibc

/// Long text on a terminal goes through the learner's pager, as git and man send it: $PAGER, else
/// `less` with LESS=FRX (it quits at once when the text fits one screen, keeps colours, and leaves the
/// text on the screen). In a pipe, or with no pager, the text is printed as it is.
enum Pager {
  static func show(_ lines: [String]) {
    let text = lines.map { $0 + "\n" }.joined()
    let environment = ProcessInfo.processInfo.environment
    guard isatty(1) == 1, let command = command(environment), let pager = spawn(command, environment) else {
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
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { write(pager.input, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      written += count
    }
    close(pager.input)
    var status: Int32 = 0
    while waitpid(pager.pid, &status, 0) < 0 && errno == EINTR {}
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

  /// Starts the pager reading a pipe, in our process group so it may use the terminal (Foundation's
  /// Process would put it in a group of its own, where the terminal stops it).
  private static func spawn(_ command: String, _ environment: [String: String]) -> (pid: pid_t, input: Int32)?
  {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
    posix_spawn_file_actions_addclose(&actions, ends[0])
    posix_spawn_file_actions_addclose(&actions, ends[1])
    var settings = environment
    if settings["LESS"] == nil { settings["LESS"] = "FRX" }
    let words: [String] = ["/bin/sh", "-c", command]
    let argv = words.map { strdup($0) } + [nil]
    let envp = settings.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
    close(ends[0])
    guard result == 0 else {
      close(ends[1])
      return nil
    }
    return (pid, ends[1])
  }
}
