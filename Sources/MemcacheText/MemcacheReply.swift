/// Builds a memcached server's replies: status lines and VALUE blocks, straight into bytes.
public struct MemcacheReply: Sendable {
  public private(set) var bytes: [UInt8] = []

  public init() {}

  public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  /// Hands the bytes to `output` and leaves the reply empty; an empty `output` takes the buffer
  /// whole, so a large value is not copied a second time.
  public mutating func move(into output: inout [UInt8]) {
    if output.isEmpty {
      swap(&output, &bytes)
    } else {
      output.append(contentsOf: bytes)
    }
    bytes.removeAll(keepingCapacity: true)
  }

  /// Drops what was written after the first `count` bytes (a reply replaced by an error).
  public mutating func truncate(to count: Int) { bytes.removeSubrange(count...) }

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
    bytes.append(contentsOf: data)
    crlf()
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
