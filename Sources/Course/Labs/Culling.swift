import CacheKit
import Foundation
import Primitives

/// The same skewed read traffic through two caches of the same size that cull differently: a MemoryCache,
/// which drops the least recently used third when full (Django's locmem), and a FileCache, which drops a
/// random third of its files (Django's filebased). Hit rate against MAX_ENTRIES, from 10 to 320 entries.
///
/// Real CacheKit code on both sides: the file cache writes real files, in a scratch folder removed
/// afterwards, and its cull draws from a seeded generator, so every run gives the same figures.
enum Culling {
  static let keys = 500
  static let exponent = 1.0
  /// Reads before counting starts, so that neither cache is measured while it fills.
  static let warmUp = 500
  static let measured = 2_000
  static let sizes = [10, 20, 40, 80, 160, 320]
  static let cullFrequency = 3

  /// The key numbers read, in order: the same sequence for every size and both caches.
  static func traffic() -> [Int] {
    var random = SplitMix64(seed: 19)
    let popularity = ZipfSampler(count: keys, exponent: exponent)
    return (0..<(warmUp + measured)).map { _ in popularity.sample(&random) }
  }

  /// The share of measured reads that hit, in percent to one decimal, reading through with cache-aside.
  static func hitRate(_ cache: any Cache, _ traffic: [Int]) -> Double {
    var hits = 0
    for (index, key) in traffic.enumerated() {
      let name = "item:\(key)"
      if (try? cache.get(name)) ?? nil != nil {
        if index >= warmUp { hits += 1 }
      } else {
        try? cache.set(name, Array("value \(key)".utf8), timeout: .never)
      }
    }
    return (Double(hits) * 1000 / Double(traffic.count - warmUp)).rounded() / 10
  }

  /// Hit rates of the LRU memory cache and the random-cull file cache, one pair per size.
  static func measure() -> (lru: [Double], random: [Double]) {
    let reads = traffic()
    let run = UUID().uuidString
    let folder = scratchRoot() + "/cachelings-lab-culling-" + run
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var lru: [Double] = []
    var random: [Double] = []
    for size in sizes {
      let memory = MemoryCache(
        name: "lab-culling-" + run, maxEntries: size, cullFrequency: cullFrequency,
        options: CacheOptions(keyPrefix: "lab"))
      memory.clear()
      lru.append(hitRate(memory, reads))
      memory.clear()
      let files = FileCache(
        directory: folder + "/\(size)", maxEntries: size, cullFrequency: cullFrequency,
        cullSeed: UInt64(size), options: CacheOptions(keyPrefix: "lab"))
      random.append(hitRate(files, reads))
      files.clear()
    }
    return (lru, random)
  }

  /// Where the file cache's folder goes: memory-backed /dev/shm where there is one, since creating a
  /// file there takes microseconds instead of the disk's fraction of a millisecond; else the temp folder.
  static func scratchRoot() -> String {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isFolder), isFolder.boolValue,
      FileManager.default.isWritableFile(atPath: "/dev/shm")
    {
      return "/dev/shm"
    }
    let temporary = NSTemporaryDirectory()
    return temporary.hasSuffix("/") ? String(temporary.dropLast()) : temporary
  }

  @Sendable static func run() -> LabReport {
    let (lru, random) = measure()
    func at(_ size: Int) -> Int { sizes.firstIndex(of: size)! }
    let small = at(20)
    let large = sizes.count - 1
    let gaps = zip(lru, random).map { (($0 - $1) * 10).rounded() / 10 }
    let widest = gaps.indices.max { gaps[$0] < gaps[$1] }!
    return LabReport(
      title: "Hit rate by MAX_ENTRIES, Zipf reads over \(keys) keys, CULL_FREQUENCY \(cullFrequency)",
      xLabel: "MAX_ENTRIES, doubling from \(sizes[0]) to \(sizes[large])", yUnit: "% hits",
      xValues: sizes.map(Double.init),
      series: [("MemoryCache: LRU cull", lru), ("FileCache: random cull", random)],
      table: [20, 80, 320].flatMap { size in
        [("LRU, \(size) entries", lru[at(size)]), ("random, \(size) entries", random[at(size)])]
      },
      findings: [
        "At \(sizes[small]) entries the LRU cache hits \(format(lru[small]))% of reads and the random cull "
          + "\(format(random[small]))%: dropping the least recently used third keeps the popular keys.",
        "Both rise with size: \(format(lru[0]))% to \(format(lru[large]))% for LRU, "
          + "\(format(random[0]))% to \(format(random[large]))% for the random cull.",
        "LRU leads by \(format(gaps[widest])) points at \(sizes[widest]) entries and by "
          + "\(format(gaps[large])) at \(sizes[large]), where the cache holds most of what is read.",
      ])
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
