import CacheKit
import Course
import Foundation
import GradeProtocol

/// The machinery of the `two-level` lab: the course's Redis-protocol server started here, and four
/// worker processes of this binary (TwoLevelLabWorker), each with a memory cache in front of the one
/// shared Redis. They take turns over a simulated minute, once per local timeout, so a run repeats
/// exactly and takes seconds.
enum TwoLevelLab {
  static let workers = 4
  /// Simulated seconds per local timeout; each second every worker takes one turn.
  static let seconds = 60
  static let timeouts = [0, 1, 5, 30]

  /// The counts of one local timeout, summed over the workers and the minute.
  typealias Counts = TwoLevelLabWorker.Counts

  @Sendable static func run() -> LabReport {
    let started = try? GradingServers(for: [.redis], redisURL: nil, memcachedAddress: nil)
    guard let servers = started, let url = servers.redis, let location = RedisLocation(url: url),
      let results = drive(redis: url, shared: location)
    else {
      return LabReport(
        title: "two-level could not start its server or its worker processes", xLabel: "", yUnit: "",
        xValues: [], series: [], table: [], findings: [])
    }
    return report(results)
  }

  /// The report of the measured counts, one per local timeout in `timeouts`' order.
  static func report(_ results: [Counts]) -> LabReport {
    func percent(_ part: Int, _ whole: Int) -> Double {
      whole == 0 ? 0 : (1000 * Double(part) / Double(whole)).rounded() / 10
    }
    func text(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
    let memory = results.map { percent($0.memoryHits, $0.reads) }
    let toRedis = results.map { percent($0.reads - $0.memoryHits, $0.reads) }
    let stale = results.map { percent($0.stale, $0.reads) }
    let hits = results.map { percent($0.memoryHits + $0.sharedHits, $0.reads) }
    let redisHits = results.map { percent($0.sharedHits, $0.reads - $0.memoryHits) }
    let staleFromRedis = results.map(\.staleFromRedis).reduce(0, +)
    let calls = results.map { Int((Double($0.sharedCalls) / Double(seconds)).rounded()) }
    let named = { (values: [Double]) in
      zip(timeouts, values).map { "\(text($1))% at \($0) s" }.joined(separator: ", ")
    }
    var table: [(label: String, value: Double)] = []
    for (index, timeout) in timeouts.enumerated() {
      table += [
        ("local \(timeout) s: memory hits", memory[index]),
        ("local \(timeout) s: reads to Redis", toRedis[index]),
        ("local \(timeout) s: stale reads", stale[index]),
      ]
    }
    return LabReport(
      title: "Four processes, memory in front of one shared Redis, by local timeout",
      xLabel: "", yUnit: "%", xValues: timeouts.map(Double.init), series: [], table: table,
      findings: [
        "Reads served from the process's own memory: \(named(memory)). Redis takes "
          + "\(calls.first ?? 0) calls a simulated second (gets, refills and deletes) with no local "
          + "copies and \(calls.last ?? 0) with 30 s ones.",
        "Hits in all, memory or Redis: \(named(hits)); memory moves hits closer, it adds few. Of the "
          + "reads that reach Redis it answers \(named(redisHits)): the longer the local copies, the "
          + "more of what still reaches Redis is a first read or a read after a write, which misses there "
          + "too.",
        "Stale reads: \(named(stale)). A write deletes the shared copy and the writer's own; the other "
          + "three processes serve their copies until the local timeout ends them.",
        staleFromRedis == 0
          ? "Redis never served an old value here: its copy is deleted on every write. All the staleness "
            + "is in the memories, and the local timeout is what bounds it."
          : "Redis served \(staleFromRedis) old values: a shared copy outlived a write.",
      ])
  }

  /// Runs the four workers for a simulated minute at each local timeout; nil when a worker could not
  /// start or answer.
  static func drive(redis: String, shared: RedisLocation) -> [Counts]? {
    guard
      let processes = LabWorkerProcesses(
        count: workers, description: { "\(TwoLevelLabWorker.mode) \($0) \(redis)" })
    else { return nil }
    let cache = RedisCache(location: shared)
    var results: [Counts] = []
    for (run, timeout) in timeouts.enumerated() {
      try? cache.clear()
      var total = Counts()
      for second in 0..<seconds {
        let milliseconds = (run * (seconds + 60) + second) * 1000
        for index in 0..<processes.count {
          guard
            let counts = processes.ask(index, "turn \(timeout) \(milliseconds)").flatMap(
              Counts.init(numbers:))
          else { return nil }
          total.add(counts)
        }
      }
      results.append(total)
    }
    return results
  }
}
