/// A server's replies on their way out: bytes, and the large values left out of them. A value at least
/// `referenceThreshold` long is not copied but listed with the offset where it belongs, so a server sends
/// a stored value without copying it, as memcached sends from the item itself.
public struct ReplyBytes: Sendable {
  /// The replies' bytes, referenced values left out; writers append to it.
  public var bytes: [UInt8] = []
  /// Values at least this long are referenced; `Int.max` copies everything.
  public let referenceThreshold: Int
  /// The values left out of `bytes`, each with the offset in `bytes` where it belongs, ascending.
  public private(set) var references: [(offset: Int, value: [UInt8])] = []
  /// The bytes of the referenced values.
  public private(set) var referencedCount = 0

  public init(referenceThreshold: Int = Int.max) {
    self.referenceThreshold = referenceThreshold
  }

  /// Everything written, referenced values included.
  public var count: Int { bytes.count + referencedCount }

  /// A value's bytes: copied, or referenced when at least `referenceThreshold` long.
  public mutating func append(value: [UInt8]) {
    if value.count >= referenceThreshold {
      references.append((bytes.count, value))
      referencedCount += value.count
    } else {
      bytes.append(contentsOf: value)
    }
  }

  /// Hands the bytes and references to `body`, which may take the bytes' buffer (leaving another in
  /// its place), then empties the buffer: how a server moves a batch of replies out without a copy.
  public mutating func moveOut(_ body: (inout [UInt8], [(offset: Int, value: [UInt8])]) -> Void) {
    body(&bytes, references)
    removeAll()
  }

  /// Empties the buffer, keeping its memory for the next replies.
  public mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    if !references.isEmpty {
      references.removeAll()
      referencedCount = 0
    }
  }

  /// Drops what was written after the first `count` bytes of `bytes` (a reply replaced by an error),
  /// and the references placed after them.
  public mutating func truncate(to count: Int) {
    bytes.removeSubrange(count...)
    while let last = references.last, last.offset > count {
      referencedCount -= last.value.count
      references.removeLast()
    }
  }
}
