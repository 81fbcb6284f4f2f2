import CacheKit

/// How many keys change servers when a fifth memcached server joins four, and when one of five fails,
/// under three ways of spreading keys: `hash % n`, ketama's ring and pymemcache's rendezvous hashing
/// (the last two are CacheKit's own `KeyPlacer`, the code MemcachedCache routes with). The keys are
/// final keys numbered in order, so every run gives the same figures.
enum Sharding {
  static let keyCount = 20_000
  static let five = (1...5).map { "10.0.0.\($0):11211" }
  static let four = Array(five.prefix(4))
  /// The five without the third: the server that fails.
  static let survivors = five.filter { $0 != "10.0.0.3:11211" }

  /// A way of mapping a key to one of a list of servers.
  enum Scheme: CaseIterable {
    case modulo, ring, rendezvous

    var label: String {
      switch self {
      case .modulo: "hash % n"
      case .ring: "ketama ring"
      case .rendezvous: "rendezvous"
      }
    }

    /// The server names that hold each key, in key order.
    func servers(for keys: [CacheKey], among servers: [String]) -> [String] {
      switch self {
      case .modulo:
        return keys.map { servers[Int(Sharding.hashWord($0) % UInt32(servers.count))] }
      case .ring:
        let placer = KeyPlacer(.ketama, servers: servers)
        return keys.map { servers[placer.server(for: $0)] }
      case .rendezvous:
        let placer = KeyPlacer(.pymemcache, servers: servers)
        return keys.map { servers[placer.server(for: $0)] }
      }
    }
  }

  /// The first four bytes of the key's MD5, little-endian: the hash ketama's ring looks up, taken
  /// modulo n here, so the modulo scheme and the ring differ only in what they do with it.
  static func hashWord(_ key: CacheKey) -> UInt32 {
    let digest = MD5.digest(Array(key.rawValue.utf8))
    return (0..<4).reduce(UInt32(0)) { $0 | UInt32(digest[$1]) << (8 * $1) }
  }

  /// The final keys the lab places, as Django's default key function makes them.
  static func keys(_ count: Int) -> [CacheKey] {
    (0..<count).map { CacheKey(":1:item:\($0)") }
  }

  /// The moves of one scheme: the share of keys (in percent, one decimal) that changed servers when
  /// the fifth joined and when the third failed, and whether every key that moved on the join went to
  /// the new server.
  struct Moves: Equatable {
    var joined: Double
    var failed: Double
    var onlyToTheNewServer: Bool
  }

  static func moves(_ scheme: Scheme, keys: [CacheKey]) -> Moves {
    let before = scheme.servers(for: keys, among: four)
    let afterJoin = scheme.servers(for: keys, among: five)
    let afterFailure = scheme.servers(for: keys, among: survivors)
    var joined = 0
    var failed = 0
    var onlyToTheNewServer = true
    for index in keys.indices {
      if before[index] != afterJoin[index] {
        joined += 1
        if afterJoin[index] != five[4] { onlyToTheNewServer = false }
      }
      if afterJoin[index] != afterFailure[index] { failed += 1 }
    }
    return Moves(
      joined: percent(joined, keys.count), failed: percent(failed, keys.count),
      onlyToTheNewServer: onlyToTheNewServer)
  }

  static func percent(_ part: Int, _ whole: Int) -> Double {
    (Double(part) * 1000 / Double(whole)).rounded() / 10
  }

  @Sendable static func run() -> LabReport {
    let keys = keys(keyCount)
    let results = Scheme.allCases.map { ($0, moves($0, keys: keys)) }
    let format = { (value: Double) in value == value.rounded() ? String(Int(value)) : String(value) }
    let modulo = results[0].1
    let ring = results[1].1
    let rendezvous = results[2].1
    return LabReport(
      title: "Keys that change servers, of \(keyCount / 1000),000, under three ways to spread them",
      xLabel: "", yUnit: "%", xValues: [], series: [],
      table: results.map { ("\($0.0.label): a 5th joins 4", $0.1.joined) }
        + results.map { ("\($0.0.label): 1 of 5 fails", $0.1.failed) },
      findings: [
        "A fifth server joins four: \(format(modulo.joined))% of the keys move under hash % n, "
          + "\(format(ring.joined))% on the ring, \(format(rendezvous.joined))% under rendezvous hashing. "
          + "A key stays under hash % n only when h % 4 == h % 5: 4 of every 20 values of h, so 80% move.",
        "On the ring and under rendezvous hashing every key that moved went to the new server"
          + (ring.onlyToTheNewServer && rendezvous.onlyToTheNewServer ? "" : " (not quite, here)")
          + ": it takes its fair share, a fifth, and nothing else changes.",
        "One of five fails: \(format(modulo.failed))% move under hash % n, \(format(ring.failed))% and "
          + "\(format(rendezvous.failed))% under the other two, which move only the failed server's keys.",
      ])
  }
}
