import WireBytes

/// Builds a memcached server's replies: status lines and VALUE blocks, straight into bytes.
public struct MemcacheReply: Sendable {
  private var output: ReplyBytes

  /// Data blocks at least `referenceThreshold` long are not copied into `bytes` but listed in
  /// `references`, so a server sends a stored value without copying it, as memcached sends from the item
  /// itself. `Int.max` (the default) copies everything.
  public init(referenceThreshold: Int = Int.max) {
    output = ReplyBytes(referenceThreshold: referenceThreshold)
  }

  /// What was written, referenced data blocks left out.
  public var bytes: [UInt8] { output.bytes }
  /// The data blocks left out of `bytes`, each with the offset in `bytes` where it belongs, ascending.
  public var references: [(offset: Int, value: [UInt8])] { output.references }
  /// Everything written, referenced data blocks included.
  public var count: Int { output.count }

  /// Hands the bytes and references to `body` (see `ReplyBytes.moveOut`), then empties the reply.
  public mutating func moveOut(_ body: (inout [UInt8], [(offset: Int, value: [UInt8])]) -> Void) {
    output.moveOut(body)
  }

  /// Empties the reply, keeping its memory for the next replies.
  public mutating func removeAll() { output.removeAll() }

  /// Drops what was written after the first `count` bytes of `bytes` (a reply replaced by an error),
  /// and the references placed after them.
  public mutating func truncate(to count: Int) { output.truncate(to: count) }

  /// A status line such as `STORED` or `CLIENT_ERROR bad data chunk`, with its CR LF.
  public mutating func line(_ text: StaticString) {
    output.bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    crlf()
  }

  /// A status line built at run time.
  public mutating func line(_ text: String) {
    output.bytes.append(contentsOf: text.utf8)
    crlf()
  }

  /// A decimal number on its own line (incr and decr's reply).
  public mutating func number(_ value: UInt64) {
    append(value)
    crlf()
  }

  /// `VALUE <key> <flags> <bytes>[ <cas>]` then the data, as get and gets write a hit.
  public mutating func value(key: ArraySlice<UInt8>, flags: UInt32, data: [UInt8], cas: UInt64?) {
    output.bytes.append(contentsOf: "VALUE ".utf8)
    output.bytes.append(contentsOf: key)
    output.bytes.append(32)
    append(UInt64(flags))
    output.bytes.append(32)
    append(UInt64(data.count))
    if let cas {
      output.bytes.append(32)
      append(cas)
    }
    crlf()
    self.data(data)
    crlf()
  }

  /// A value's bytes: copied, or referenced when at least `referenceThreshold` long.
  public mutating func data(_ data: [UInt8]) { output.append(value: data) }

  /// Raw bytes, for replies assembled elsewhere (meta commands).
  public mutating func append(bytes more: some Sequence<UInt8>) { output.bytes.append(contentsOf: more) }

  /// A decimal number without a line end, written in place (no temporary buffer).
  public mutating func append(_ value: UInt64) {
    var digits = 1
    var rest = value / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    let start = output.bytes.count
    output.bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    var remaining = value
    output.bytes.withUnsafeMutableBufferPointer { buffer in
      for index in stride(from: start + digits - 1, through: start, by: -1) {
        buffer[index] = UInt8(48 + remaining % 10)
        remaining /= 10
      }
    }
  }

  public mutating func crlf() {
    output.bytes.append(13)
    output.bytes.append(10)
  }
}
