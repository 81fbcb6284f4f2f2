/// MurmurHash3's 32-bit variant (x86_32), Austin Appleby's public-domain hash: blocks of four bytes
/// read little-endian, a tail of up to three bytes, then the length and the final avalanche.
enum Murmur3 {
  private static let c1: UInt32 = 0xcc9e_2d51
  private static let c2: UInt32 = 0x1b87_3593

  /// The hash of `bytes` under `seed`.
  static func hash32(_ bytes: [UInt8], seed: UInt32 = 0) -> UInt32 {
    var hash = seed
    let blockEnd = bytes.count & ~3
    var index = 0
    while index < blockEnd {
      let block =
        UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
        | UInt32(bytes[index + 3]) << 24
      hash ^= scrambled(block)
      hash = rotated(hash, 13) &* 5 &+ 0xe654_6b64
      index += 4
    }
    var tail: UInt32 = 0
    for offset in (0..<(bytes.count - blockEnd)).reversed() {
      tail = tail << 8 | UInt32(bytes[blockEnd + offset])
    }
    if bytes.count > blockEnd { hash ^= scrambled(tail) }
    hash ^= UInt32(truncatingIfNeeded: bytes.count)
    hash ^= hash >> 16
    hash = hash &* 0x85eb_ca6b
    hash ^= hash >> 13
    hash = hash &* 0xc2b2_ae35
    hash ^= hash >> 16
    return hash
  }

  private static func scrambled(_ block: UInt32) -> UInt32 {
    rotated(block &* c1, 15) &* c2
  }

  private static func rotated(_ value: UInt32, _ count: UInt32) -> UInt32 {
    value << count | value >> (32 - count)
  }
}
