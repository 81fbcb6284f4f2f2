/// Turns the bytes a server sends into values, for clients: every RESP2 and RESP3 type, nested
/// aggregates included, split at any byte.
public struct RESPReplyDecoder: Sendable {
  private var buffer: [UInt8] = []
  private var position = 0

  public init() {}

  public mutating func append(_ bytes: some Sequence<UInt8>) {
    if position > 0 && position * 2 > buffer.count {
      buffer.removeSubrange(0..<position)
      position = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// The next whole value; nil when more bytes are needed.
  public mutating func next() throws(RESPProtocolError) -> RESPValue? {
    var cursor = position
    guard let value = try parse(&cursor, depth: 0) else { return nil }
    position = cursor
    return value
  }

  private func parse(_ cursor: inout Int, depth: Int) throws(RESPProtocolError) -> RESPValue? {
    guard depth < 64 else { throw RESPProtocolError("Protocol error: replies nested too deeply") }
    guard cursor < buffer.count else { return nil }
    let type = buffer[cursor]
    guard let lineEnd = line(after: cursor + 1) else { return nil }
    let body = buffer[(cursor + 1)..<lineEnd]
    var next = lineEnd + 2
    let value: RESPValue
    switch type {
    case UInt8(ascii: "+"): value = .simpleString(Array(body))
    case UInt8(ascii: "-"): value = .error(Array(body))
    case UInt8(ascii: ":"): value = .integer(try number(body))
    case UInt8(ascii: "_"): value = .null
    case UInt8(ascii: "#"):
      guard body.count == 1, body.first == UInt8(ascii: "t") || body.first == UInt8(ascii: "f") else {
        throw RESPProtocolError("Protocol error: invalid boolean")
      }
      value = .boolean(body.first == UInt8(ascii: "t"))
    case UInt8(ascii: ","):
      guard let double = Double(String(decoding: body, as: UTF8.self)) else {
        throw RESPProtocolError("Protocol error: invalid double")
      }
      value = .double(double)
    case UInt8(ascii: "("): value = .bigNumber(Array(body))
    case UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "="):
      guard let length = try headerLength(body, of: type, upTo: Int64(RESP.maxBulkLength), "bulk") else {
        value = .null
        break
      }
      guard buffer.count - next >= length + 2 else { return nil }
      let data = Array(buffer[next..<(next + length)])
      next += length + 2
      if type == UInt8(ascii: "$") {
        value = .bulkString(data)
      } else if type == UInt8(ascii: "!") {
        value = .bulkError(data)
      } else {
        guard data.count >= 4, data[3] == UInt8(ascii: ":") else {
          throw RESPProtocolError("Protocol error: invalid verbatim string")
        }
        value = .verbatim(format: Array(data[0..<3]), text: Array(data[4...]))
      }
    case UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "|"):
      guard let count = try headerLength(body, of: type, upTo: Int64(Int32.max), "aggregate") else {
        value = .null
        break
      }
      let isPairs = type == UInt8(ascii: "%") || type == UInt8(ascii: "|")
      var items: [RESPValue] = []
      for _ in 0..<(isPairs ? count * 2 : count) {
        guard let item = try parse(&next, depth: depth + 1) else { return nil }
        items.append(item)
      }
      switch type {
      case UInt8(ascii: "*"): value = .array(items)
      case UInt8(ascii: "~"): value = .set(items)
      case UInt8(ascii: ">"): value = .push(items)
      default:
        let pairs = stride(from: 0, to: items.count, by: 2).map { RESPValue.Pair(items[$0], items[$0 + 1]) }
        value = type == UInt8(ascii: "%") ? .map(pairs) : .attribute(pairs)
      }
    default:
      throw RESPProtocolError("Protocol error: unknown reply type '\(Character(Unicode.Scalar(type)))'")
    }
    cursor = next
    return value
  }

  /// The index of the CR that ends the line starting at `start`, when its LF has arrived too.
  private func line(after start: Int) -> Int? {
    guard let carriageReturn = buffer[start...].firstIndex(of: 13), carriageReturn + 1 < buffer.count else {
      return nil
    }
    return carriageReturn
  }

  /// The length a bulk or aggregate header gives, from 0 to `limit`; nil for RESP2's nulls, `$-1` and
  /// `*-1`. Bulk strings and aggregates check their headers alike.
  private func headerLength(
    _ body: ArraySlice<UInt8>, of type: UInt8, upTo limit: Int64, _ kind: String
  ) throws(RESPProtocolError) -> Int? {
    let length = try number(body)
    if length == -1 && (type == UInt8(ascii: "$") || type == UInt8(ascii: "*")) { return nil }
    guard length >= 0, length <= limit else {
      throw RESPProtocolError("Protocol error: invalid \(kind) length")
    }
    return Int(length)
  }

  private func number(_ bytes: ArraySlice<UInt8>) throws(RESPProtocolError) -> Int64 {
    guard let value = RESPNumber.parse(bytes) else {
      throw RESPProtocolError("Protocol error: invalid number")
    }
    return value
  }
}
