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

  private func time(_ executable: String) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = command
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    process.waitUntilExit()
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    guard process.terminationStatus == 0 else {
      throw BenchError("cachelings \(command) exited with \(process.terminationStatus)")
    }
    return elapsed
  }
}
