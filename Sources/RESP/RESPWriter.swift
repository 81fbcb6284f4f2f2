import WireBytes

/// Appends RESP replies (and client commands) to a byte buffer, in the connection's protocol version.
/// The server's hot path: integers are written without going through String.
public struct RESPWriter: Sendable {
  private var output: ReplyBytes
  public var version: RESPVersion

  /// Bulk strings at least `referenceThreshold` long are not copied into `bytes` but listed in
  /// `references`: a server sends a stored value without copying it. `Int.max` (the default) copies
  /// everything.
  public init(version: RESPVersion = .v2, referenceThreshold: Int = Int.max) {
    self.version = version
    output = ReplyBytes(referenceThreshold: referenceThreshold)
    output.bytes.reserveCapacity(4096)
  }

  /// What was written, referenced bulk strings left out.
  public var bytes: [UInt8] { output.bytes }
  /// Bulk strings at least this long are referenced rather than copied.
  public var referenceThreshold: Int { output.referenceThreshold }
  /// The bulk strings left out of `bytes`, each with the offset in `bytes` where it belongs, ascending.
  public var references: [(offset: Int, value: [UInt8])] { output.references }
  /// Everything written, referenced bulk strings included.
  public var count: Int { output.count }

  /// Hands the bytes and references to `body` (see `ReplyBytes.moveOut`), then empties the writer.
  public mutating func moveOut(_ body: (inout [UInt8], [(offset: Int, value: [UInt8])]) -> Void) {
    output.moveOut(body)
  }

  /// Empties the buffer, keeping its memory for the next replies.
  public mutating func removeAll() { output.removeAll() }

  public mutating func simpleString(_ text: StaticString) {
    output.bytes.append(UInt8(ascii: "+"))
    output.bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    crlf()
  }

  public mutating func simpleString(_ text: String) {
    output.bytes.append(UInt8(ascii: "+"))
    output.bytes.append(contentsOf: text.utf8)
    crlf()
  }

  /// `-message`; CR and LF inside become spaces, as Redis writes them.
  public mutating func error(_ message: String) {
    error(message.utf8)
  }

  /// `-message` from raw bytes, for messages that quote what a client sent.
  public mutating func error(_ message: some Sequence<UInt8>) {
    output.bytes.append(UInt8(ascii: "-"))
    for byte in message { output.bytes.append(byte == 13 || byte == 10 ? 32 : byte) }
    crlf()
  }

  public mutating func integer(_ value: Int64) {
    output.bytes.append(UInt8(ascii: ":"))
    decimal(value)
    crlf()
  }

  public mutating func bulkString(_ value: [UInt8]) {
    output.bytes.append(UInt8(ascii: "$"))
    decimal(Int64(value.count))
    crlf()
    output.append(value: value)
    crlf()
  }

  /// A bulk string, or null when `value` is nil.
  public mutating func optionalBulk(_ value: [UInt8]?) {
    if let value { bulkString(value) } else { null() }
  }

  /// `$-1` in RESP2, `_` in RESP3.
  public mutating func null() {
    switch version {
    case .v2:
      output.bytes.append(contentsOf: [UInt8(ascii: "$"), UInt8(ascii: "-"), UInt8(ascii: "1"), 13, 10])
    case .v3: output.bytes.append(contentsOf: [UInt8(ascii: "_"), 13, 10])
    }
  }

  /// `*-1` in RESP2, `_` in RESP3.
  public mutating func nullArray() {
    switch version {
    case .v2:
      output.bytes.append(contentsOf: [UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "1"), 13, 10])
    case .v3: output.bytes.append(contentsOf: [UInt8(ascii: "_"), 13, 10])
    }
  }

  public mutating func arrayHeader(_ count: Int) { header(UInt8(ascii: "*"), count) }

  /// `%n` in RESP3; an array of 2n elements in RESP2.
  public mutating func mapHeader(_ count: Int) {
    version == .v3 ? header(UInt8(ascii: "%"), count) : header(UInt8(ascii: "*"), count * 2)
  }

  /// `~n` in RESP3; an array in RESP2.
  public mutating func setHeader(_ count: Int) {
    header(version == .v3 ? UInt8(ascii: "~") : UInt8(ascii: "*"), count)
  }

  /// `#t`/`#f` in RESP3; the integer 1 or 0 in RESP2.
  public mutating func boolean(_ value: Bool) {
    guard version == .v3 else { return integer(value ? 1 : 0) }
    output.bytes.append(contentsOf: [
      UInt8(ascii: "#"), value ? UInt8(ascii: "t") : UInt8(ascii: "f"), 13, 10,
    ])
  }

  /// `,` in RESP3 (`inf`, `-inf`, `nan` included); a bulk string in RESP2.
  public mutating func double(_ value: Double) {
    let text: [UInt8]
    if value.isNaN {
      text = Array("nan".utf8)
    } else if value.isInfinite {
      text = Array((value < 0 ? "-inf" : "inf").utf8)
    } else if value == value.rounded(), abs(value) < 1e15 {
      text = Array(String(Int64(value)).utf8)
    } else {
      text = Array(String(value).utf8)
    }
    guard version == .v3 else { return bulkString(text) }
    output.bytes.append(UInt8(ascii: ","))
    output.bytes.append(contentsOf: text)
    crlf()
  }

  /// `=len\r\nfmt:text` in RESP3; a bulk string of the text alone in RESP2.
  public mutating func verbatim(format: [UInt8], text: [UInt8]) {
    guard version == .v3 else { return bulkString(text) }
    output.bytes.append(UInt8(ascii: "="))
    decimal(Int64(format.count + 1 + text.count))
    crlf()
    output.bytes.append(contentsOf: format)
    output.bytes.append(UInt8(ascii: ":"))
    output.bytes.append(contentsOf: text)
    crlf()
  }

  /// A client command: an array of bulk strings.
  public mutating func command(_ arguments: [[UInt8]]) {
    arrayHeader(arguments.count)
    for argument in arguments { bulkString(argument) }
  }

  /// Any value, as it is (aggregates in RESP2 fall back to arrays).
  public mutating func value(_ value: RESPValue) {
    switch value {
    case .simpleString(let text): prefixed(UInt8(ascii: "+"), text)
    case .error(let text): prefixed(UInt8(ascii: "-"), text)
    case .integer(let number): integer(number)
    case .bulkString(let data): bulkString(data)
    case .null: null()
    case .array(let items): aggregate(UInt8(ascii: "*"), items)
    case .boolean(let flag): boolean(flag)
    case .double(let number): double(number)
    case .bigNumber(let digits):
      version == .v3 ? prefixed(UInt8(ascii: "("), digits) : bulkString(digits)
    case .bulkError(let text):
      guard version == .v3 else { return prefixed(UInt8(ascii: "-"), text) }
      output.bytes.append(UInt8(ascii: "!"))
      decimal(Int64(text.count))
      crlf()
      output.bytes.append(contentsOf: text)
      crlf()
    case .verbatim(let format, let text): verbatim(format: format, text: text)
    case .map(let pairs): pairsAggregate(UInt8(ascii: "%"), pairs)
    case .attribute(let pairs): pairsAggregate(UInt8(ascii: "|"), pairs)
    case .set(let items): aggregate(version == .v3 ? UInt8(ascii: "~") : UInt8(ascii: "*"), items)
    case .push(let items): aggregate(version == .v3 ? UInt8(ascii: ">") : UInt8(ascii: "*"), items)
    }
  }

  private mutating func aggregate(_ type: UInt8, _ items: [RESPValue]) {
    header(type, items.count)
    for item in items { value(item) }
  }

  private mutating func pairsAggregate(_ type: UInt8, _ pairs: [RESPValue.Pair]) {
    if version == .v3 { header(type, pairs.count) } else { header(UInt8(ascii: "*"), pairs.count * 2) }
    for pair in pairs {
      value(pair.key)
      value(pair.value)
    }
  }

  private mutating func prefixed(_ type: UInt8, _ text: [UInt8]) {
    output.bytes.append(type)
    output.bytes.append(contentsOf: text)
    crlf()
  }

  private mutating func header(_ type: UInt8, _ count: Int) {
    output.bytes.append(type)
    decimal(Int64(count))
    crlf()
  }

  private mutating func crlf() {
    output.bytes.append(13)
    output.bytes.append(10)
  }

  private mutating func decimal(_ value: Int64) {
    if value < 0 { output.bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    if magnitude < 10 {
      output.bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
      return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { buffer in
      var index = buffer.count
      while magnitude > 0 {
        index -= 1
        buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      }
      output.bytes.append(contentsOf: buffer[index...])
    }
  }
}
