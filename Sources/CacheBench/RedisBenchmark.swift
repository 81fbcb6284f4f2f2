import Foundation
import ServerAttacks

/// `cachelings-bench redis`: our Redis-protocol server against a real redis-server, same machine, same
/// run, measured by redis-benchmark; then resident memory after loading the same million keys into both.
struct RedisBenchmark {
  var requests = 200_000
  var keysForMemory = 1_000_000
  var cachelings = RedisBenchmark.siblingExecutable("cachelings")

  static let targets: [Int: Double] = [1: 1.0, 16: 0.8]

  /// The `cachelings` binary built beside this one.
  static func siblingExecutable(_ name: String) -> String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
      .path
  }

  func run() throws -> Bool {
    for tool in ["redis-server", "redis-benchmark", "redis-cli"] where (try? runTool("which", [tool])) == nil
    {
      throw BenchError("\(tool) is not installed (apt-get install redis-server redis-tools)")
    }
    guard FileManager.default.isExecutableFile(atPath: cachelings) else {
      throw BenchError("\(cachelings) is missing: build it with swift build -c release")
    }
    print("cachelings-bench redis: redis-benchmark -c 50 -n \(requests) -t set,get,incr, pipeline 1 and 16")
    let ours = try start(ours: true)
    let real = try start(ours: false)
    print("")
    print(
      TableText.pad("pipeline  test", 18) + TableText.pad("cachelings", 14, right: true)
        + TableText.pad("redis-server", 14, right: true)
        + TableText.pad("ratio", 8, right: true) + "   target")
    var allMet = true
    for pipeline in [1, 16] {
      // Alternate the servers, so that neither always runs on a machine warmed or loaded by the other.
      let oursFirst = try measure(ours.port, pipeline: pipeline)
      let realRates = try measure(real.port, pipeline: pipeline)
      let oursSecond = try measure(ours.port, pipeline: pipeline)
      for test in ["SET", "GET", "INCR"] {
        let mine = max(oursFirst[test] ?? 0, oursSecond[test] ?? 0)
        let theirs = realRates[test] ?? 0
        let ratio = theirs > 0 ? mine / theirs : 0
        let target = Self.targets[pipeline] ?? 0
        allMet = allMet && ratio >= target
        print(
          TableText.pad("P\(pipeline)        \(test)", 18)
            + TableText.pad(TableText.rate(mine), 14, right: true)
            + TableText.pad(TableText.rate(theirs), 14, right: true)
            + TableText.pad(String(format: "%.3f", ratio), 8, right: true)
            + String(format: "   >= %.1f %@", target, ratio >= target ? "met" : "MISSED"))
      }
    }
    note("loading \(keysForMemory) keys of 100-byte values into both servers")
    let load = Self.loadCommands(keys: keysForMemory)
    for server in [ours, real] {
      try runTool("redis-cli", ["-p", String(server.port), "--pipe"], input: load)
    }
    let mine = ProcessMemory.resident(of: ours.processIdentifier) ?? 0
    let theirs = ProcessMemory.resident(of: real.processIdentifier) ?? 0
    let ratio = theirs > 0 ? Double(mine) / Double(theirs) : 0
    print("")
    print(
      String(
        format:
          "resident memory with %d keys: cachelings %.0f MiB, redis-server %.0f MiB, ratio %.2f   <= 1.5 %@",
        keysForMemory, Double(mine) / 1_048_576, Double(theirs) / 1_048_576, ratio,
        ratio <= 1.5 ? "met" : "MISSED"))
    return allMet && ratio <= 1.5
  }

  private func start(ours: Bool) throws -> ServerProcess {
    if ours {
      return try ServerProcess(executable: cachelings) { port in ["serve", "redis", "--port", String(port)] }
    }
    let path = try runTool("which", ["redis-server"]).trimmingCharacters(in: .whitespacesAndNewlines)
    return try ServerProcess(executable: path) { WireProtocol.redis.realServerArguments(port: $0) }
  }

  /// Requests per second by test name, from redis-benchmark's CSV output.
  private func measure(_ port: UInt16, pipeline: Int) throws -> [String: Double] {
    let output = try runTool(
      "redis-benchmark",
      [
        "-p", String(port), "-c", "50", "-n", String(requests), "-P", String(pipeline), "-t", "set,get,incr",
        "--csv",
      ])
    var rates: [String: Double] = [:]
    for line in output.split(separator: "\n") {
      let fields = line.split(separator: ",").map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      }
      if fields.count >= 2, let rate = Double(fields[1]) { rates[fields[0]] = rate }
    }
    return rates
  }

  /// `SET key:N <100 bytes>` for every N, in RESP, for redis-cli --pipe.
  static func loadCommands(keys: Int) -> Data {
    let value = String(repeating: "v", count: 100)
    var text = ""
    text.reserveCapacity(keys * 150)
    for index in 0..<keys {
      let key = "key:\(index)"
      text += "*3\r\n$3\r\nSET\r\n$\(key.utf8.count)\r\n\(key)\r\n$100\r\n\(value)\r\n"
    }
    return Data(text.utf8)
  }
}
