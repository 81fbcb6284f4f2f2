import CacheKit
import Course
import Foundation
import GradeProtocol

/// The machinery of the `local-vs-shared` lab: the course's Redis-protocol server started here, and four
/// worker processes of this very binary (LabWorker) that take turns, so a run repeats exactly. Each worker
/// reads items through cache-aside and sometimes writes one, deleting its cached copy; the lab runs once
/// with a memory cache in every process and once with the one shared Redis.
enum LocalVsSharedLab {
  static let workers = 4
  static let rounds = 20

  @Sendable static func run() -> LabReport {
    let started = try? GradingServers(for: [.redis], redisURL: nil, memcachedAddress: nil)
    guard let servers = started, let url = servers.redis,
      let local = drive(.local, redis: url), let shared = drive(.shared, redis: url)
    else {
      return LabReport(
        title: "local-vs-shared could not start its server or its worker processes", xLabel: "", yUnit: "",
        xValues: [], series: [], table: [], findings: [])
    }
    let percent = { (part: Int, whole: Int) in
      whole == 0 ? 0 : (1000 * Double(part) / Double(whole)).rounded() / 10
    }
    return LabReport(
      title: "Hit rate, round by round, of four processes sharing the same reads and writes",
      xLabel: "round (each process takes one turn of \(LabWorker.operationsPerTurn) operations)", yUnit: "%",
      xValues: (1...rounds).map(Double.init),
      series: [
        ("memory cache in each process", local.rounds.map { percent($0.hits, $0.reads) }),
        ("one shared Redis", shared.rounds.map { percent($0.hits, $0.reads) }),
      ],
      table: [
        ("hits, local memory", percent(local.total.hits, local.total.reads)),
        ("hits, shared Redis", percent(shared.total.hits, shared.total.reads)),
        ("stale, local memory", percent(local.total.stale, local.total.reads)),
        ("stale, shared Redis", percent(shared.total.stale, shared.total.reads)),
      ],
      findings: [
        "Hits: \(percent(local.total.hits, local.total.reads))% with a memory cache in each process, "
          + "\(percent(shared.total.hits, shared.total.reads))% with one shared Redis: every process warms "
          + "its own memory cache, and one warm shared cache serves them all.",
        "Stale reads: \(percent(local.total.stale, local.total.reads))% against "
          + "\(percent(shared.total.stale, shared.total.reads))%: a write deletes the copy in its own "
          + "process only, so the other three keep serving the old value; the shared cache has one copy, "
          + "and one delete reaches every process.",
      ])
  }

  /// Reads, hits and stale reads, per round and in all.
  struct Tally {
    var rounds: [LabWorker.Counts] = []
    var total = LabWorker.Counts()
  }

  /// Runs the workers in turns with one kind of cache; nil when a worker could not start or answer.
  static func drive(_ mode: LabWorker.Mode, redis: String) -> Tally? {
    guard
      let processes = LabWorkerProcesses(count: workers, description: { "\(mode.rawValue) \($0) \(redis)" })
    else { return nil }
    var tally = Tally()
    for _ in 0..<rounds {
      var round = LabWorker.Counts()
      for index in 0..<processes.count {
        guard let counts = processes.ask(index, "turn").flatMap(LabWorker.Counts.init(numbers:)) else {
          return nil
        }
        round.add(counts)
      }
      tally.rounds.append(round)
      tally.total.add(round)
    }
    return tally
  }
}
