/// Builds a memcached server's replies: status lines and VALUE blocks, straight into bytes.
public struct MemcacheReply: Sendable {
  public private(set) var bytes: [UInt8] = []
  /// Data blocks at least this long are not copied into `bytes` but listed in `references`, so a
  /// server sends a stored value without copying it, as memcached sends from the item itself.
  /// `Int.max` (the default) copies everything.
  public let referenceThreshold: Int
  /// The data blocks left out of `bytes`, each with the offset in `bytes` where it belongs, ascending.
  public private(set) var references: [(offset: Int, value: [UInt8])] = []
  /// The bytes of the referenced data blocks.
  public private(set) var referencedCount = 0

  public init(referenceThreshold: Int = Int.max) {
    self.referenceThreshold = referenceThreshold
  }

  /// Everything written, referenced data blocks included.
  public var count: Int { bytes.count + referencedCount }

  /// Hands the bytes and references to `body`, which may take the bytes' buffer (leaving another in
  /// its place), then empties the writer: how a server moves a batch of replies out without a copy.
  public mutating func moveOut(_ body: (inout [UInt8], [(offset: Int, value: [UInt8])]) -> Void) {
    body(&bytes, references)
    removeAll()
  }

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

  /// A status line such as `STORED` or `CLIENT_ERROR bad data chunk`, with its CR LF.
  public mutating func line(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    crlf()
  }

  /// A status line built at run time.
  public mutating func line(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    crlf()
  }

  /// A decimal number on its own line (incr and decr's reply).
  public mutating func number(_ value: UInt64) {
    append(value)
    crlf()
  }

  /// `VALUE <key> <flags> <bytes>[ <cas>]` then the data, as get and gets write a hit.
  public mutating func value(key: ArraySlice<UInt8>, flags: UInt32, data: [UInt8], cas: UInt64?) {
    bytes.append(contentsOf: "VALUE ".utf8)
    bytes.append(contentsOf: key)
    bytes.append(32)
    append(UInt64(flags))
    bytes.append(32)
    append(UInt64(data.count))
    if let cas {
      bytes.append(32)
      append(cas)
    }
    crlf()
    self.data(data)
    crlf()
  }

  /// A value's bytes: copied, or referenced when at least `referenceThreshold` long.
  public mutating func data(_ data: [UInt8]) {
    if data.count >= referenceThreshold {
      references.append((bytes.count, data))
      referencedCount += data.count
    } else {
      bytes.append(contentsOf: data)
    }
  }

  /// Raw bytes, for replies assembled elsewhere (meta commands).
  public mutating func append(bytes more: some Sequence<UInt8>) { bytes.append(contentsOf: more) }

  /// A decimal number without a line end, written in place (no temporary buffer).
  public mutating func append(_ value: UInt64) {
    var digits = 1
    var rest = value / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    var remaining = value
    bytes.withUnsafeMutableBufferPointer { buffer in
      for index in stride(from: start + digits - 1, through: start, by: -1) {
        buffer[index] = UInt8(48 + remaining % 10)
        remaining /= 10
      }
    }
  }

  public mutating func crlf() {
    bytes.append(13)
    bytes.append(10)
  }
}
