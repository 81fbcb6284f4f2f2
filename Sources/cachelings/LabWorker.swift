import CacheKit
import Foundation
import Primitives

/// One worker process of a process lab, run when this binary is started with LabWorker's variable set
/// ("mode index redis-url"): on each line it gets it does a turn of reads and writes and answers with
/// its counts, a line of numbers. The database is Redis database 1 (a revision number per item), the
/// shared cache Redis database 0. The modes `local` and `shared` are the `local-vs-shared` lab's:
/// a memory cache of this process, or the shared Redis; `two-level` is TwoLevelLabWorker's.
enum LabWorker {
  static let variable = "CACHELINGS_LAB_WORKER"
  static let operationsPerTurn = 25
  static let items = 40
  /// One operation in this many is a write.
  static let writeEvery = 8

  enum Mode: String { case local, shared }

  /// Reads, hits and stale hits (a copy older than the item's revision in the database).
  struct Counts: LabCounts {
    var reads = 0
    var hits = 0
    var stale = 0

    static let fields: [WritableKeyPath<Counts, Int> & Sendable] = [\.reads, \.hits, \.stale]
  }

  /// Runs the worker the variable describes; the exit status.
  static func run(_ description: String) -> Int32 {
    let parts = description.split(separator: " ").map(String.init)
    guard parts.count == 3, let index = UInt64(parts[1]), let shared = RedisLocation(url: parts[2]) else {
      return 2
    }
    if parts[0] == TwoLevelLabWorker.mode { return TwoLevelLabWorker.run(index: index, shared: shared) }
    guard let mode = Mode(rawValue: parts[0]) else { return 2 }
    let database = database(beside: shared)
    let cache: any Cache =
      mode == .local ? MemoryCache(name: "lab-local-vs-shared") : RedisCache(location: shared)
    var random = SplitMix64(seed: 1 + index)
    while let line = readLine(), line == "turn" {
      var counts = Counts()
      for _ in 0..<operationsPerTurn {
        let item = skewedItem(&random)
        if random.below(writeEvery) == 0 {
          write(item, database: database)
          _ = try? cache.delete(item)
          continue
        }
        counts.reads += 1
        let current = revision(of: item, in: database)
        if let cached = (try? cache.get(item, as: Int.self)) ?? nil {
          counts.hits += 1
          if cached != current { counts.stale += 1 }
        } else {
          try? cache.set(item, current, timeout: .never)
        }
      }
      answer(counts.numbers)
    }
    return 0
  }

  /// The labs' database: database 1 of the shared cache's server, one revision number per item.
  static func database(beside shared: RedisLocation) -> RedisCache {
    var store = shared
    store.database = 1
    return RedisCache(location: store)
  }

  /// The next item an operation touches. Skewed: low item numbers come up far more often.
  static func skewedItem(_ random: inout SplitMix64) -> String {
    "item:\(Int(Double(items) * pow(random.nextUnit(), 2)))"
  }

  /// The item's revision in the database: 0 until its first write.
  static func revision(of item: String, in database: RedisCache) -> Int {
    (try? database.get(item, as: Int.self)) ?? nil ?? 0
  }

  /// A write of the item: its revision goes up by one.
  static func write(_ item: String, database: RedisCache) {
    _ = try? database.add(item, 0, timeout: .never)
    _ = try? database.incr(item)
  }

  /// Answers the lab with one line of numbers.
  static func answer(_ numbers: [Int]) {
    FileHandle.standardOutput.write(Data((numbers.map(String.init).joined(separator: " ") + "\n").utf8))
  }
}
