import Foundation

/// `cachelings-bench memcached`: our Memcached-protocol server against a real memcached, both with one
/// worker thread, measured by memcaslap (Debian's name for libmemcached's memaslap) with one client
/// thread and 50 connections, alternating the servers in one run.
struct MemcachedBenchmark {
  var seconds = 10
  var runs = 2
  var cachelings = RedisBenchmark.siblingExecutable("cachelings")

  static let target = 1.0

  func run() throws -> Bool {
    for tool in ["memcached", "memcaslap"] where (try? runTool("which", [tool])) == nil {
      throw BenchError("\(tool) is not installed (apt-get install memcached libmemcached-tools)")
    }
    guard FileManager.default.isExecutableFile(atPath: cachelings) else {
      throw BenchError("\(cachelings) is missing: build it with swift build -c release")
    }
    print("cachelings-bench memcached: memcaslap -T 1 -c 50 -t \(seconds)s, \(runs) alternating runs each")
    let ours = try start(ours: true)
    let real = try start(ours: false)
    var mine: [Double] = []
    var theirs: [Double] = []
    for round in 1...runs {
      note("round \(round) of \(runs)")
      mine.append(try measure(ours.port))
      theirs.append(try measure(real.port))
    }
    let best = (mine.max() ?? 0, theirs.max() ?? 0)
    let ratio = best.1 > 0 ? best.0 / best.1 : 0
    print("")
    print(
      TableText.pad("server", 12) + TableText.pad("best TPS", 12, right: true)
        + TableText.pad("runs", 26, right: true))
    for (name, rates) in [("cachelings", mine), ("memcached", theirs)] {
      print(
        TableText.pad(name, 12) + TableText.pad(TableText.rate(rates.max() ?? 0), 12, right: true)
          + TableText.pad(rates.map(TableText.rate).joined(separator: ", "), 26, right: true))
    }
    print(
      String(format: "ratio %.3f   >= %.1f %@", ratio, Self.target, ratio >= Self.target ? "met" : "MISSED"))
    return ratio >= Self.target
  }

  private func start(ours: Bool) throws -> ServerProcess {
    let port = ServerProcess.freePort()
    if ours {
      return try ServerProcess(
        executable: cachelings, arguments: ["serve", "memcached", "--port", String(port), "--threads", "1"],
        port: port)
    }
    let path = try runTool("which", ["memcached"]).trimmingCharacters(in: .whitespacesAndNewlines)
    return try ServerProcess(
      executable: path,
      arguments: ["-p", String(port), "-l", "127.0.0.1", "-U", "0", "-t", "1", "-u", "root"],
      port: port)
  }

  /// Transactions per second from memcaslap's closing `Run time: ... TPS: N` line.
  private func measure(_ port: UInt16) throws -> Double {
    let output = try runTool(
      "memcaslap", ["-s", "127.0.0.1:\(port)", "-T", "1", "-c", "50", "-t", "\(seconds)s"])
    guard let line = output.split(separator: "\n").last(where: { $0.contains("TPS:") }),
      let field = line.split(separator: " ").drop(while: { $0 != "TPS:" }).dropFirst().first,
      let tps = Double(field)
    else { throw BenchError("memcaslap printed no TPS line:\n\(output)") }
    return tps
  }
}
