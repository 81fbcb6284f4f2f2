/// Consistent hashing over several servers, as libketama does it: each server gets 160 points on a ring
/// of 32-bit values (four per MD5 digest of `host:port-i`), and a key belongs to the first point at or
/// after its own hash. Adding a server to n moves only about 1/(n+1) of the keys. MemcachedCache uses
/// it under `MemcachedPlacement.ketama`, for comparison with pymemcache's rendezvous hashing.
struct HashRing: Sendable {
  private let points: [(hash: UInt32, server: Int)]

  static let pointsPerServer = 160

  init(servers: [String]) {
    var points: [(hash: UInt32, server: Int)] = []
    for (index, name) in servers.enumerated() {
      for group in 0..<(Self.pointsPerServer / 4) {
        let digest = MD5.digest(Array("\(name)-\(group)".utf8))
        for part in 0..<4 { points.append((Self.word(digest, part), index)) }
      }
    }
    self.points = points.sorted { $0.hash < $1.hash }
  }

  /// The index of the server that holds `key`.
  func server(for key: [UInt8]) -> Int {
    guard points.count > 1 else { return points.first?.server ?? 0 }
    let hash = Self.word(MD5.digest(key), 0)
    var low = 0
    var high = points.count
    while low < high {
      let middle = (low + high) / 2
      if points[middle].hash < hash { low = middle + 1 } else { high = middle }
    }
    return points[low == points.count ? 0 : low].server
  }

  /// Bytes 4·part to 4·part+3 of a digest, little-endian, as ketama reads them.
  private static func word(_ digest: [UInt8], _ part: Int) -> UInt32 {
    (0..<4).reduce(UInt32(0)) { $0 | UInt32(digest[part * 4 + $1]) << (8 * $1) }
  }
}
