import CacheKit
import Foundation
import Primitives

/// A minute of simulated shop traffic (200 requests a second over 1,000 products, a few of them popular)
/// with and without cache-aside in front of the product query. It runs real CacheKit code: a MemoryCache
/// on a manual clock with a 30 s timeout, so expiry shows as small bumps once the cache is warm.
enum CacheAsideQueries {
  static let seconds = 60
  static let requestsPerSecond = 200
  static let products = 1_000
  static let timeout = 30.0

  @Sendable static func run() -> LabReport {
    let clock = ManualClock()
    // A store of its own: a named store is shared by every cache in the process that names it, and two
    // runs of a lab (a test beside the learner's screen) may be at work at once.
    let cache = MemoryCache(
      name: "lab-cache-aside-queries-\(UUID().uuidString)", maxEntries: products,
      options: CacheOptions(keyPrefix: "lab", clock: clock))
    cache.clear()
    var random = SplitMix64(seed: 2024)
    let popularity = ZipfSampler(count: products, exponent: 1.0)
    var withCache: [Double] = []
    var hits = 0
    for _ in 0..<seconds {
      var queries = 0
      for _ in 0..<requestsPerSecond {
        let product = popularity.sample(&random)
        let key = "product:\(product)"
        if (try? cache.get(key, as: String.self)) ?? nil != nil {
          hits += 1
        } else {
          queries += 1
          try? cache.set(key, "product \(product)", timeout: .seconds(timeout))
        }
      }
      withCache.append(Double(queries))
      clock.advance(by: 1)
    }
    cache.clear()
    let total = seconds * requestsPerSecond
    let queried = total - hits
    return LabReport(
      title: "Database queries per second, \(requestsPerSecond) requests/s over \(products) products",
      xLabel: "second", yUnit: "queries/s", xValues: (1...seconds).map(Double.init),
      series: [
        ("without a cache", Array(repeating: Double(requestsPerSecond), count: seconds)),
        ("with cache-aside", withCache),
      ],
      table: [
        ("second 1", withCache[0]), ("second 10", withCache[9]), ("second 31", withCache[30]),
        ("second 60", withCache[seconds - 1]),
      ],
      findings: [
        "Without a cache the database answers all \(total) requests.",
        "With cache-aside it answers \(queried): a hit rate of \(percent(hits, total)).",
        "The first seconds are a cold cache; the bump after second 30 is the first entries expiring "
          + "(timeout \(Int(timeout)) s).",
      ])
  }

  static func percent(_ part: Int, _ whole: Int) -> String {
    String((Double(part) * 1000 / Double(whole)).rounded() / 10) + "%"
  }
}

/// Picks items 0..<count with probability proportional to 1 / (rank ^ exponent): a few popular, many rare.
struct ZipfSampler: Sendable {
  private let cumulative: [Double]

  init(count: Int, exponent: Double) {
    var running = 0.0
    var sums: [Double] = []
    sums.reserveCapacity(count)
    for rank in 1...count {
      running += 1 / pow(Double(rank), exponent)
      sums.append(running)
    }
    cumulative = sums.map { $0 / running }
  }

  func sample(_ random: inout SplitMix64) -> Int {
    let target = random.nextUnit()
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] < target { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
