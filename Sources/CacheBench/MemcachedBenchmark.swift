import Foundation
import ServerAttacks

/// `cachelings-bench memcached`: our Memcached-protocol server against a real memcached, both with one
/// worker thread, measured by memcaslap (Debian's name for libmemcached's memaslap) with one client
/// thread and 50 connections, alternating the servers in one run. On this 2-core machine the servers
/// run pinned to one core and memcaslap to the other (taskset), so neither competes with the load
/// generator for a core. The machine's speed drifts between runs, so each round measures both servers
/// back to back (the order alternating, ABBA), and the verdict is the median of the rounds' ratios.
/// A head-to-head check follows: both servers loaded at once, sharing the same cores and the same
/// moment, so the machine's drift cancels out of the ratio (the TPS figures are then about half).
struct MemcachedBenchmark {
  var seconds = 10
  var runs = 7
  var duels = 3
  var cachelings = RedisBenchmark.siblingExecutable("cachelings")

  static let target = 1.0

  func run() throws -> Bool {
    for tool in ["memcached", "memcaslap", "taskset"] where (try? runTool("which", [tool])) == nil {
      throw BenchError("\(tool) is not installed (apt-get install memcached libmemcached-tools)")
    }
    guard FileManager.default.isExecutableFile(atPath: cachelings) else {
      throw BenchError("\(cachelings) is missing: build it with swift build -c release")
    }
    print(
      "cachelings-bench memcached: memcaslap -T 1 -c 50 -t \(seconds)s on core 0, servers on core 1, "
        + "\(runs) alternating runs each")
    let ours = try start(ours: true)
    let real = try start(ours: false)
    var mine: [Double] = []
    var theirs: [Double] = []
    for round in 1...runs {
      note("round \(round) of \(runs)")
      if round % 2 == 1 {
        mine.append(try measure(ours.port))
        theirs.append(try measure(real.port))
      } else {
        theirs.append(try measure(real.port))
        mine.append(try measure(ours.port))
      }
    }
    let ratios = zip(mine, theirs).map { $1 > 0 ? $0 / $1 : 0 }
    let ratio = Self.median(ratios)
    print("")
    print(
      TableText.pad("server", 12) + TableText.pad("median TPS", 12, right: true)
        + "  runs")
    for (name, rates) in [("cachelings", mine), ("memcached", theirs)] {
      print(
        TableText.pad(name, 12) + TableText.pad(TableText.rate(Self.median(rates)), 12, right: true)
          + "  " + rates.map(TableText.rate).joined(separator: ", "))
    }
    print("ratio per round: " + ratios.map { String(format: "%.3f", $0) }.joined(separator: ", "))
    print(
      String(
        format: "ratio %.3f (median of the rounds; of the medians %.3f)   >= %.1f %@", ratio,
        Self.median(mine) / max(1, Self.median(theirs)), Self.target, ratio >= Self.target ? "met" : "MISSED")
    )
    note("head to head: both servers loaded at once, \(duels) runs")
    var duelRatios: [Double] = []
    for _ in 0..<duels {
      let (mine, theirs) = try measureTogether(ours.port, real.port)
      duelRatios.append(theirs > 0 ? mine / theirs : 0)
    }
    print(
      "head to head, both loaded at once (cores shared, drift cancels): ratio "
        + String(format: "%.3f", Self.median(duelRatios)) + " (runs: "
        + duelRatios.map { String(format: "%.3f", $0) }.joined(separator: ", ") + ")")
    return ratio >= Self.target
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }

  /// Starts a server pinned to core 1.
  private func start(ours: Bool) throws -> ServerProcess {
    let taskset = try runTool("which", ["taskset"]).trimmingCharacters(in: .whitespacesAndNewlines)
    let memcached =
      ours ? cachelings : try runTool("which", ["memcached"]).trimmingCharacters(in: .whitespacesAndNewlines)
    return try ServerProcess(executable: taskset) { port in
      ours
        ? ["-c", "1", memcached, "serve", "memcached", "--port", String(port), "--threads", "1"]
        : ["-c", "1", memcached] + WireProtocol.memcached.realServerArguments(port: port)
    }
  }

  /// One memcaslap run against `port`, measured alone.
  private func measure(_ port: UInt16) throws -> Double {
    try Self.transactionsPerSecond(runTool("taskset", loadArguments(port)))
  }

  /// Two memcaslap runs at the same time, one against each port.
  private func measureTogether(_ first: UInt16, _ second: UInt16) throws -> (Double, Double) {
    let started = try [first, second].map { try StartedTool("taskset", loadArguments($0)) }
    let outputs = try started.map { try $0.finish() }
    return (try Self.transactionsPerSecond(outputs[0]), try Self.transactionsPerSecond(outputs[1]))
  }

  private func loadArguments(_ port: UInt16) -> [String] {
    ["-c", "0", "memcaslap", "-s", "127.0.0.1:\(port)", "-T", "1", "-c", "50", "-t", "\(seconds)s"]
  }

  /// Transactions per second from memcaslap's closing `Run time: ... TPS: N` line.
  private static func transactionsPerSecond(_ output: String) throws -> Double {
    guard let line = output.split(separator: "\n").last(where: { $0.contains("TPS:") }),
      let field = line.split(separator: " ").drop(while: { $0 != "TPS:" }).dropFirst().first,
      let tps = Double(field)
    else { throw BenchError("memcaslap printed no TPS line:\n\(output)") }
    return tps
  }
}
