import Foundation

/// Start-to-exit time of `cachelings list`, the command a learner runs most: the binary beside this one is
/// started again and again with its output thrown away; the median is compared with the 50 ms target.
struct StartupBenchmark {
  var runs = 30
  var command = ["list"]
  static let targetMilliseconds = 50.0

  func run() throws -> Bool {
    let folder =
      ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]) as NSString
    let executable = folder.deletingLastPathComponent + "/cachelings"
    guard FileManager.default.isExecutableFile(atPath: executable) else {
      throw BenchError(
        "no cachelings beside this benchmark at \(executable); build with swift build -c release")
    }
    print("cachelings \(command.joined(separator: " ")): \(runs) runs of \(executable)")
    _ = try time(executable)
    var samples: [Double] = []
    for _ in 0..<runs { samples.append(try time(executable)) }
    samples.sort()
    let median = samples[samples.count / 2]
    let format = { (value: Double) in String(format: "%.1f ms", value) }
    print(
      "  median \(format(median)), fastest \(format(samples[0])), slowest \(format(samples[samples.count - 1]))"
    )
    let met = median <= Self.targetMilliseconds
    print("  target: median at most \(Int(Self.targetMilliseconds)) ms: \(met ? "met" : "NOT met")")
    return met
  }

  /// Start-to-exit time in milliseconds, with posix_spawn and waitpid (Foundation's Process polls for the
  /// exit, which would add its own delay to the figure).
  private func time(_ executable: String) throws -> Double {
    let argv = ([executable] + command).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let start = DispatchTime.now().uptimeNanoseconds
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard result == 0 else { throw BenchError("cannot start \(executable): error \(result)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    guard status == 0 else { throw BenchError("cachelings \(command) exited with status \(status)") }
    return elapsed
  }
}
