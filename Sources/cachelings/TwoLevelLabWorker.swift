import CacheKit
import Foundation
import Primitives

/// One worker process of the `two-level` lab: a memory cache of its own in front of the shared Redis.
/// Each line "turn TIMEOUT MILLISECONDS" is one turn at that simulated time, its memory copies kept
/// TIMEOUT seconds; a read asks memory, then Redis, then the database, and fills back what missed; a
/// write raises the item's revision, deletes the shared copy and this process's own. It answers with
/// its reads, memory hits, shared hits, calls to the shared server, stale reads and those of them
/// Redis served.
enum TwoLevelLabWorker {
  static let mode = "two-level"
  static let operationsPerTurn = 20
  static let sharedTimeout = 300.0
  /// One operation in this many is a write: two writes a simulated second over the four processes.
  static let writeEvery = 40

  /// What one turn counted.
  struct Counts: LabCounts, Equatable {
    var reads = 0
    var memoryHits = 0
    var sharedHits = 0
    var sharedCalls = 0
    var stale = 0
    /// The stale reads that Redis served (the others came from memory).
    var staleFromRedis = 0

    static let fields: [WritableKeyPath<Counts, Int> & Sendable] = [
      \.reads, \.memoryHits, \.sharedHits, \.sharedCalls, \.stale, \.staleFromRedis,
    ]
  }

  static func run(index: UInt64, shared location: RedisLocation) -> Int32 {
    let database = LabWorker.database(beside: location)
    let shared = RedisCache(location: location)
    let clock = ManualClock(start: 0)
    var memories: [Int: MemoryCache] = [:]
    var random = SplitMix64(seed: 1 + index)
    while let line = readLine() {
      let words = line.split(separator: " ")
      guard words.count == 3, words[0] == "turn", let timeout = Int(words[1]), let start = Int(words[2]),
        timeout >= 0, Double(start) / 1000 >= clock.now()
      else { return 2 }
      let memory =
        memories[timeout]
        ?? MemoryCache(name: "lab-two-level-\(timeout)", options: CacheOptions(clock: clock))
      memories[timeout] = memory
      var counts = Counts()
      for operation in 0..<operationsPerTurn {
        let now = Double(start) / 1000 + Double(operation) / Double(operationsPerTurn)
        clock.advance(by: now - clock.now())
        let item = LabWorker.skewedItem(&random)
        if random.below(writeEvery) == 0 {
          LabWorker.write(item, database: database)
          _ = try? shared.delete(item)
          counts.sharedCalls += 1
          _ = try? memory.delete(item)
          continue
        }
        counts.reads += 1
        let current = LabWorker.revision(of: item, in: database)
        let served: Int
        var fromRedis = false
        if let copy = (try? memory.get(item, as: Int.self)) ?? nil {
          counts.memoryHits += 1
          served = copy
        } else {
          counts.sharedCalls += 1
          if let copy = (try? shared.get(item, as: Int.self)) ?? nil {
            counts.sharedHits += 1
            served = copy
            fromRedis = true
          } else {
            served = current
            counts.sharedCalls += 1
            try? shared.set(item, current, timeout: .seconds(sharedTimeout))
          }
          try? memory.set(item, served, timeout: .seconds(Double(timeout)))
        }
        if served != current {
          counts.stale += 1
          if fromRedis { counts.staleFromRedis += 1 }
        }
      }
      LabWorker.answer(counts.numbers)
    }
    return 0
  }
}
