import Foundation
import Glibc
import TestSupport
import Testing

@testable import Course
@testable import Grader

/// `cachelings check` stopped from outside while the learner's program spins with a child of its own:
/// interrupted, terminated or hung up, it ends the program, the child and its temporary files, then
/// dies of the same signal; killed outright, it still leaves nothing running.
@Suite(.serialized) struct InterruptedCheckTests {
  let folder = NSTemporaryDirectory() + "cachelings-interrupted-\(UUID().uuidString)"
  var course: String { folder + "/course" }
  var workspace: String { folder + "/workspace" }
  var temporary: String { folder + "/tmp" }

  /// A course holding only the fixture exercise, with the spinning solution in the workspace.
  func prepare() throws {
    try FixtureCourse.make(course: course, workspace: workspace, solution: "spins-with-a-child")
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
  }

  /// Starts `cachelings check 1` and returns its pid once a descendant satisfies running: by default,
  /// once the program's child is running.
  func startCheck(
    namespaces: Bool = true, until running: @escaping (pid_t) -> Bool = { ProcessProbe.isSleeper($0, "44.5") }
  ) throws -> pid_t {
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let arguments = [binary, "check", "1", "--backend", "memory,file", "--no-color"]
    let environment = [
      "CACHELINGS_COURSE=\(course)", "CACHELINGS_WORKSPACE=\(workspace)", "HOME=\(workspace)",
      "TMPDIR=\(temporary)", "CACHELINGS_NAMESPACES=\(namespaces ? "1" : "0")",
      "PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")",
    ]
    var argv = arguments.map { strdup($0) } + [nil]
    var envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // The command starts with every signal at its default and none blocked, as from a shell.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var all = sigset_t()
    sigfillset(&all)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    try #require(posix_spawn(&pid, binary, &actions, &attributes, &argv, &envp) == 0)
    let started = ProcessProbe.eventually(within: 120) {
      ProcessProbe.descendants(of: pid).contains(where: running)
    }
    if !started { kill(pid, SIGKILL) }
    try #require(started, "the awaited process started")
    return pid
  }

  /// Waits for pid and returns the signal it died of, or nil when it exited.
  func signalEnding(_ pid: pid_t) -> Int32? {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status & 0x7f == 0 ? nil : status & 0x7f
  }

  /// Sends `signal` to the check and expects it to die of that signal, with every process it started
  /// (the compiler, the program, the program's children) ended and its temporary files removed.
  func expectEndsWithEverythingItStarted(
    _ check: pid_t, after signal: Int32, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let tree = ProcessProbe.descendants(of: check)
    kill(check, signal)
    #expect(
      signalEnding(check) == signal, "the command died of the signal it was sent",
      sourceLocation: sourceLocation)
    #expect(
      ProcessProbe.eventually(within: 2) { tree.allSatisfy { !ProcessProbe.isAlive($0) } },
      "every process the check started has ended: \(tree.filter(ProcessProbe.isAlive))",
      sourceLocation: sourceLocation)
    let left = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
    #expect(left.isEmpty, "temporary files were removed: \(left)", sourceLocation: sourceLocation)
  }

  @Test(arguments: zip([SIGINT, SIGTERM, SIGHUP, SIGINT], [true, true, true, false]))
  func aSignalEndsTheProgramItsChildAndItsFilesThenTheCommand(signal: Int32, namespaces: Bool) throws {
    try prepare()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let check = try startCheck(namespaces: namespaces)
    expectEndsWithEverythingItStarted(check, after: signal)
  }

  @Test func interruptingTheCompilerEndsItAndRemovesItsTemporaryFiles() throws {
    try prepare()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let compiling = try startCheck { ProcessProbe.command(of: $0)?.contains("swift-frontend") == true }
    expectEndsWithEverythingItStarted(compiling, after: SIGINT)
  }

  /// Killed outright, the command cannot end anything itself: the program dies with its supervisor
  /// either way, and with a PID namespace, so does everything it started.
  @Test(arguments: [true, false])
  func killingTheCommandStillEndsTheProgram(namespaces: Bool) throws {
    try prepare()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let check = try startCheck(namespaces: namespaces)
    let program = ProcessProbe.running(under: workspace)
    let tree = ProcessProbe.descendants(of: check)
    #expect(!program.isEmpty, "the learner's program is running")
    kill(check, SIGKILL)
    _ = signalEnding(check)
    #expect(
      ProcessProbe.eventually(within: 2) { program.allSatisfy { !ProcessProbe.isAlive($0) } },
      "the learner's program ended with the command that ran it")
    if namespaces && ChildProcess.isolationAvailable {
      #expect(
        ProcessProbe.eventually(within: 2) { tree.allSatisfy { !ProcessProbe.isAlive($0) } },
        "the program's own child ended too: its PID namespace ended with it")
    }
    for pid in tree where ProcessProbe.isAlive(pid) { kill(pid, SIGKILL) }
  }
}
