import Foundation

/// Save-to-verdict of `cachelings watch`: the binary beside this one watches a one-file solution of
/// exercise 1 on all four backends; each run saves a changed file (so it is compiled again, not taken
/// from the program cache) and times until the verdict is printed. The cold first check (a fresh
/// `cachelings check` with an empty workspace) is reported beside the warm median.
struct CheckBenchmark {
  var runs = 15
  static let targetSeconds = 0.5
  /// The figure before each backend ran in its own program and the checks were compiled once: one
  /// program for all four backends, the checks compiled with every save (release build, this 2-core
  /// machine, December 2026).
  static let before = "0.80-0.94 s"
  /// The end of every screen watch prints into a pipe, one a grade: its key line's last key.
  static let screenEnd = "esc quit"

  func run() throws -> Bool {
    let executable = RedisBenchmark.siblingExecutable("cachelings")
    guard FileManager.default.isExecutableFile(atPath: executable) else {
      throw BenchError(
        "no cachelings beside this benchmark at \(executable); build with swift build -c release")
    }
    let workspace = NSTemporaryDirectory() + "cachelings-bench-check-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    var environment = ProcessInfo.processInfo.environment
    environment["CACHELINGS_WORKSPACE"] = workspace
    environment["NO_COLOR"] = "1"
    let solution = try courseSolution(environment, executable: executable)
    let file = workspace + "/01-cache-aside-ttl.swift"

    print("save-to-verdict: exercise 1 on memory, file, redis and memcached, \(runs) saves, \(executable)")
    let coldStart = DispatchTime.now().uptimeNanoseconds
    let cold = try ChildOutput.run(executable, ["check", "1", "--json"], environment: environment)
    let coldSeconds = Double(DispatchTime.now().uptimeNanoseconds - coldStart) / 1e9
    guard cold.contains("\"status\"") else { throw BenchError("the cold check printed no results:\n\(cold)") }

    let watch = try WatchedProcess(executable, ["watch", "1"], environment: environment)
    defer { watch.stop() }
    try watch.waitFor(Self.screenEnd, timeout: 60)
    var samples: [Double] = []
    for index in 0..<runs {
      let changed = solution + "\n// save \(index) at \(DispatchTime.now().uptimeNanoseconds)\n"
      let start = DispatchTime.now().uptimeNanoseconds
      try Data(changed.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
      let screen = try watch.waitFor(Self.screenEnd, timeout: 30)
      samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      // The report wraps at the terminal's width, so words are matched across line ends.
      let words = screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      guard words.contains("every check passes") else { throw BenchError("a save did not pass:\n\(screen)") }
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let format = { (value: Double) in String(format: "%.2f s", value) }
    print(
      "  warm: median \(format(median)), fastest \(format(samples[0])), slowest \(format(samples[samples.count - 1]))"
    )
    print("  before (one program for every backend, the checks compiled on every save): \(Self.before)")
    print("  cold first check (new process, empty program cache): \(format(coldSeconds))")
    let met = median <= Self.targetSeconds
    print("  target: warm median at most \(format(Self.targetSeconds)): \(met ? "met" : "NOT met")")
    return met
  }

  /// The reference solution of exercise 1, found through the course the binary uses.
  private func courseSolution(_ environment: [String: String], executable: String) throws -> String {
    let output = try ChildOutput.run(
      executable, ["solution", "1", "--force"], environment: environment, input: "y\n")
    guard let start = output.range(of: "import CacheKit") else {
      throw BenchError("could not read the solution of exercise 1:\n\(output)")
    }
    return String(output[start.lowerBound...]).split(separator: "\n").map { line in
      line.hasPrefix("  ") ? String(line.dropFirst(2)) : String(line)
    }.joined(separator: "\n")
  }
}

/// Runs a command to its end and returns its standard output.
enum ChildOutput {
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String], input: String = ""
  )
    throws -> String
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    let output = Pipe()
    let stdin = Pipe()
    process.standardOutput = output
    process.standardInput = stdin
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}

/// A long-running command whose output is read as it comes.
final class WatchedProcess {
  private let process = Process()
  private let output = Pipe()
  private var pending = ""

  init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  /// Reads until needle appears; returns everything read up to and including it.
  @discardableResult
  func waitFor(_ needle: String, timeout: Double) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    let descriptor = output.fileHandleForReading.fileDescriptor
    var buffer = [UInt8](repeating: 0, count: 65536)
    while Date() < deadline {
      if let range = pending.range(of: needle) {
        let screen = String(pending[..<range.upperBound])
        pending = String(pending[range.upperBound...])
        return screen
      }
      var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&ready, 1, 100) > 0 else { continue }
      let count = read(descriptor, &buffer, buffer.count)
      guard count > 0 else { throw BenchError("cachelings watch ended early:\n\(pending)") }
      pending += String(decoding: buffer[0..<count], as: UTF8.self)
    }
    throw BenchError("no '\(needle)' within \(Int(timeout)) s:\n\(pending)")
  }

  func stop() {
    process.terminate()
    process.waitUntilExit()
  }
}
