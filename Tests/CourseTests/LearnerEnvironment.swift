import Foundation

/// The environment the course's commands get in tests that run them as a learner would: this checkout's
/// course, a workspace of the test's own (also HOME), a colour terminal type and the caller's PATH.
enum LearnerEnvironment {
  static func make(workspace: String) -> [String: String] {
    [
      "CACHELINGS_COURSE": EndToEndTests.courseRoot, "CACHELINGS_WORKSPACE": workspace,
      "TERM": "xterm-256color", "HOME": workspace,
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
  }
}
