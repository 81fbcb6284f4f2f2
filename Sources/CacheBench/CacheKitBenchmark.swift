import CacheKit
import Foundation

/// `cachelings-bench cachekit`: MemoryCache and FileCache against Django's LocMemCache and FileBasedCache.
struct CacheKitBenchmark {
  var keys = 100
  var valueSize = 100
  var seconds = 1.0
  var runs = 3
  var withDjango = true
  var environment = DjangoPeer.defaultEnvironment

  /// What each figure must reach, as a multiple of Django's.
  static let targets: [String: Double] = [
    "memory.get": 20, "memory.set": 20, "file.get": 3, "file.set": 3, "file.incr": 3,
  ]
  static let order = ["memory.get", "memory.set", "memory.incr", "file.get", "file.set", "file.incr"]

  func run() throws -> Bool {
    let directory = NSTemporaryDirectory() + "cachelings-bench-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    print(
      "cachelings-bench cachekit: \(keys) keys, \(valueSize)-byte values, best of \(runs) alternating rounds of \(seconds) s"
    )

    // The rounds alternate between Django and cachelings, each keeping its best figure: file creation on
    // ext4 slows down for a while after many deletions, and alternating spreads that over both sides.
    let peer = withDjango ? DjangoPeer(environment: environment) : nil
    try peer?.prepare()
    var django: (version: String, rates: [String: Double])?
    var ours: [String: Double] = [:]
    for round in 1...runs {
      if let peer {
        note("round \(round) of \(runs): Django")
        let measured = try peer.measure(
          keys: keys, valueSize: valueSize, seconds: seconds, runs: 1,
          directory: directory + "/django-\(round)")
        django = (measured.version, (django?.rates ?? [:]).merging(measured.rates, uniquingKeysWith: max))
      }
      note("round \(round) of \(runs): cachelings")
      let memory = MemoryCache(name: "bench", options: CacheOptions(warnings: .silent))
      measure("memory", memory, into: &ours)
      let file = FileCache(
        directory: directory + "/cachelings-\(round)", options: CacheOptions(warnings: .silent))
      measure("file", file, into: &ours)
    }

    return report(ours, django)
  }

  private func measure(_ label: String, _ cache: some Cache, into rates: inout [String: Double]) {
    let names = (0..<keys).map { "key-\($0)" }
    let counters = names.map { "n-" + $0 }
    let value = [UInt8](repeating: UInt8(ascii: "v"), count: valueSize)
    for index in 0..<keys {
      try! cache.set(names[index], value)
      try! cache.set(counters[index], 0)
    }
    let throughput = Throughput(seconds: seconds, runs: 1)
    func keep(_ name: String, _ rate: Double) { rates[name] = max(rates[name] ?? 0, rate) }
    keep(label + ".set", throughput.measure { try! cache.set(names[$0 % keys], value) })
    keep(label + ".get", throughput.measure { _ = try! cache.get(names[$0 % keys]) })
    keep(label + ".incr", throughput.measure { try! cache.incr(counters[$0 % keys]) })
    try! cache.clear()
  }

  private func report(_ ours: [String: Double], _ django: (version: String, rates: [String: Double])?) -> Bool
  {
    let peerName = django.map { "Django \($0.version)" } ?? "Django (skipped)"
    print("")
    print(
      pad("operation", 13) + pad("cachelings", 16, right: true) + pad(peerName, 18, right: true)
        + pad("ratio", 10, right: true) + "   target")
    var allMet = true
    for name in Self.order {
      let mine = ours[name] ?? 0
      var line = pad(name.replacingOccurrences(of: ".", with: " "), 13) + pad(rate(mine), 16, right: true)
      if let theirs = django?.rates[name], theirs > 0 {
        let ratio = mine / theirs
        line += pad(rate(theirs), 18, right: true) + pad(String(format: "%.1fx", ratio), 10, right: true)
        if let target = Self.targets[name] {
          let met = ratio >= target
          allMet = allMet && met
          line += String(format: "   >= %.0fx %@", target, met ? "met" : "MISSED")
        }
      }
      print(line)
    }
    print("\nFigures are operations per second through the Cache API (bytes values), one thread.")
    return allMet
  }

  private func rate(_ value: Double) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.maximumFractionDigits = 0
    return (formatter.string(from: NSNumber(value: value)) ?? "\(Int(value))") + "/s"
  }

  private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let gap = String(repeating: " ", count: max(0, width - text.count))
    return right ? gap + text : text + gap
  }
}
