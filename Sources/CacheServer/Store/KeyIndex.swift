/// The keyspace's hash index: open addressing with linear probing over 8-byte buckets, each holding
/// 32 bits of the key's hash and the key's slot position. A lookup compares whole keys only where the
/// hash bits match, so probing a crowded stretch reads no key memory; a deletion shifts the entries
/// after it back, so there are no tombstones. Kept at most half full.
struct KeyIndex: Sendable {
  /// 0 is empty; otherwise the high 32 bits are the hash tag and the low 32 bits are position + 1.
  private var buckets: [UInt64] = Array(repeating: 0, count: 8)
  private(set) var count = 0

  private var mask: Int { buckets.count - 1 }

  /// The position of the entry with this hash for which `isMatch` says yes.
  func find(hash: UInt64, _ isMatch: (Int32) -> Bool) -> Int32? {
    let tag = hash >> 32
    var index = Int(truncatingIfNeeded: tag) & mask
    while true {
      let bucket = buckets[index]
      if bucket == 0 { return nil }
      if bucket >> 32 == tag {
        let position = Int32(truncatingIfNeeded: bucket & 0xFFFF_FFFF) - 1
        if isMatch(position) { return position }
      }
      index = (index + 1) & mask
    }
  }

  /// Adds an entry known not to be present.
  mutating func insert(hash: UInt64, position: Int32) {
    if (count + 1) * 2 > buckets.count { grow() }
    place((hash >> 32) << 32 | UInt64(UInt32(position) + 1))
    count += 1
  }

  /// Removes the entry at `position` whose key has this hash.
  mutating func remove(hash: UInt64, position: Int32) {
    let wanted = (hash >> 32) << 32 | UInt64(UInt32(position) + 1)
    var index = Int(truncatingIfNeeded: hash >> 32) & mask
    while buckets[index] != wanted {
      guard buckets[index] != 0 else { return }
      index = (index + 1) & mask
    }
    // Backward-shift deletion: pull later entries of the run into the hole when their home allows.
    var hole = index
    var next = (hole + 1) & mask
    while buckets[next] != 0 {
      let home = Int(truncatingIfNeeded: buckets[next] >> 32) & mask
      if (next - home) & mask >= (next - hole) & mask {
        buckets[hole] = buckets[next]
        hole = next
      }
      next = (next + 1) & mask
    }
    buckets[hole] = 0
    count -= 1
  }

  mutating func removeAll() {
    buckets = Array(repeating: 0, count: 8)
    count = 0
  }

  private mutating func place(_ bucket: UInt64) {
    var index = Int(truncatingIfNeeded: bucket >> 32) & mask
    while buckets[index] != 0 { index = (index + 1) & mask }
    buckets[index] = bucket
  }

  private mutating func grow() {
    let old = buckets
    buckets = Array(repeating: 0, count: old.count * 2)
    for bucket in old where bucket != 0 { place(bucket) }
  }
}

/// A fast 64-bit hash of key bytes, seeded per process so clients cannot choose colliding keys ahead
/// of time: 8 bytes at a time, multiplied and mixed, with a final avalanche (MurmurHash3's finalizer).
enum KeyHash {
  static let seed: UInt64 = UInt64.random(in: 1...UInt64.max)

  static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { hash($0) }
  }

  static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    var state = seed ^ (UInt64(raw.count) &* 0x9E37_79B9_7F4A_7C15)
    var offset = 0
    while offset + 8 <= raw.count {
      let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      state = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
      state ^= state >> 29
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < raw.count {
      tail |= UInt64(raw[offset]) << shift
      shift += 8
      offset += 1
    }
    state = (state ^ tail) &* 0x94D0_49BB_1331_11EB
    state ^= state >> 33
    state &*= 0xFF51_AFD7_ED55_8CCD
    state ^= state >> 33
    state &*= 0xC4CE_B9FE_1A85_EC53
    return state ^ (state >> 33)
  }
}
