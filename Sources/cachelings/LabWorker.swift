import CacheKit
import Foundation
import Primitives

/// One worker process of the `local-vs-shared` lab, run when this binary is started with LabWorker's
/// variable set: on each "turn" line it does a turn of reads and writes and answers with its counts.
/// The database is Redis database 1 (a revision number per item), the cache a memory cache of this
/// process or the shared Redis database 0.
enum LabWorker {
  static let variable = "CACHELINGS_LAB_WORKER"
  static let operationsPerTurn = 25
  static let items = 40
  /// One operation in this many is a write.
  static let writeEvery = 8

  enum Mode: String { case local, shared }

  /// Reads, hits and stale hits (a copy older than the item's revision in the database).
  struct Counts {
    var reads = 0
    var hits = 0
    var stale = 0

    init() {}

    init?(line: String) {
      let numbers = line.split(separator: " ").compactMap {
        Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
      }
      guard numbers.count == 3 else { return nil }
      (reads, hits, stale) = (numbers[0], numbers[1], numbers[2])
    }

    mutating func add(_ other: Counts) {
      reads += other.reads
      hits += other.hits
      stale += other.stale
    }
  }

  /// Runs the worker the variable describes ("mode index redis-url"); the exit status.
  static func run(_ description: String) -> Int32 {
    let parts = description.split(separator: " ").map(String.init)
    guard parts.count == 3, let mode = Mode(rawValue: parts[0]), let index = UInt64(parts[1]),
      let shared = RedisLocation(url: parts[2])
    else { return 2 }
    var store = shared
    store.database = 1
    let database = RedisCache(location: store)
    let cache: any Cache =
      mode == .local ? MemoryCache(name: "lab-local-vs-shared") : RedisCache(location: shared)
    var random = SplitMix64(seed: 1 + index)
    while let line = readLine(), line == "turn" {
      var counts = Counts()
      for _ in 0..<operationsPerTurn {
        // Skewed: low item numbers are read far more often.
        let item = "item:\(Int(Double(items) * pow(random.nextUnit(), 2)))"
        if random.below(writeEvery) == 0 {
          _ = try? database.add(item, 0, timeout: .never)
          _ = try? database.incr(item)
          _ = try? cache.delete(item)
          continue
        }
        counts.reads += 1
        let current = (try? database.get(item, as: Int.self)) ?? nil ?? 0
        if let cached = (try? cache.get(item, as: Int.self)) ?? nil {
          counts.hits += 1
          if cached != current { counts.stale += 1 }
        } else {
          try? cache.set(item, current, timeout: .never)
        }
      }
      FileHandle.standardOutput.write(Data("\(counts.reads) \(counts.hits) \(counts.stale)\n".utf8))
    }
    return 0
  }
}
