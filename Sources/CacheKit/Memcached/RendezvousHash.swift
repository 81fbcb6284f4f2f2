/// Rendezvous (highest random weight) hashing exactly as pymemcache's `RendezvousHash` does it, the
/// default of the `HashClient` behind Django's PyMemcacheCache.
///
/// Every server scores every key: MurmurHash3 (32-bit, seed 0) of the text `name-key`, where `name`
/// is the server's `host:port` and `key` the final key (`prefix:version:key`). The highest score
/// wins; on a tie, the name that sorts last (by code points) wins. pymemcache hashes a Python `str`
/// one character at a time, keeping only the low 8 bits of each code point, and counts the length
/// in characters, so a key is hashed as those bytes here too, not as its UTF-8.
///
/// Adding a server to n moves only the keys the new server wins, about 1/(n+1) of them.
struct RendezvousHash: Sendable {
  private let names: [[Unicode.Scalar]]
  private let prefixes: [[UInt8]]

  /// `servers` are the `host:port` names, in LOCATION order.
  init(servers: [String]) {
    names = servers.map { Array($0.unicodeScalars) }
    prefixes = servers.map { Self.characterBytes($0 + "-") }
  }

  /// The index of the server that holds `key` (the first of equal names when one is listed twice).
  func server(for key: String) -> Int {
    let keyBytes = Self.characterBytes(key)
    var winner = 0
    var highScore: UInt32 = 0
    for index in prefixes.indices {
      let score = Murmur3.hash32(prefixes[index] + keyBytes)
      if index == 0 || score > highScore
        || (score == highScore && names[winner].lexicographicallyPrecedes(names[index]))
      {
        winner = index
        highScore = score
      }
    }
    return winner
  }

  /// The low byte of each Unicode scalar: what pymemcache's pure-Python murmur3 reads of a `str`.
  static func characterBytes(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
  }
}
