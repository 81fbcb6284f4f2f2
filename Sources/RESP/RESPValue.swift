/// A decoded RESP2 or RESP3 value.
public enum RESPValue: Equatable, Sendable {
  case simpleString([UInt8])
  case error([UInt8])
  case integer(Int64)
  case bulkString([UInt8])
  /// RESP2's null bulk string and null array, and RESP3's `_`.
  case null
  case array([RESPValue])
  case boolean(Bool)
  case double(Double)
  case bigNumber([UInt8])
  case bulkError([UInt8])
  case verbatim(format: [UInt8], text: [UInt8])
  case map([Pair])
  case set([RESPValue])
  case attribute([Pair])
  case push([RESPValue])

  /// One key and value of a map or attribute.
  public struct Pair: Equatable, Sendable {
    public var key: RESPValue
    public var value: RESPValue

    public init(_ key: RESPValue, _ value: RESPValue) {
      self.key = key
      self.value = value
    }
  }

  /// The bytes of a bulk, simple or verbatim string.
  public var bytes: [UInt8]? {
    switch self {
    case .bulkString(let bytes), .simpleString(let bytes): bytes
    case .verbatim(_, let text): text
    default: nil
    }
  }

  /// The bytes as UTF-8 text, for strings and errors.
  public var text: String? {
    switch self {
    case .error(let bytes), .bulkError(let bytes): String(decoding: bytes, as: UTF8.self)
    default: bytes.map { String(decoding: $0, as: UTF8.self) }
    }
  }

  public static func == (left: RESPValue, right: RESPValue) -> Bool {
    switch (left, right) {
    case (.double(let a), .double(let b)): a == b || (a.isNaN && b.isNaN)
    case (.simpleString(let a), .simpleString(let b)), (.error(let a), .error(let b)),
      (.bulkString(let a), .bulkString(let b)), (.bigNumber(let a), .bigNumber(let b)),
      (.bulkError(let a), .bulkError(let b)):
      a == b
    case (.integer(let a), .integer(let b)): a == b
    case (.null, .null): true
    case (.boolean(let a), .boolean(let b)): a == b
    case (.array(let a), .array(let b)), (.set(let a), .set(let b)), (.push(let a), .push(let b)): a == b
    case (.verbatim(let f, let t), .verbatim(let g, let u)): f == g && t == u
    case (.map(let a), .map(let b)), (.attribute(let a), .attribute(let b)): a == b
    default: false
    }
  }
}

/// Which protocol a connection speaks: RESP2 by default, RESP3 after `HELLO 3`.
public enum RESPVersion: Sendable {
  case v2
  case v3
}

/// Malformed input, with the text Redis sends before it closes the connection.
public struct RESPProtocolError: Error, Equatable, Sendable {
  /// The message as a server writes it, byte for byte (it may quote a byte that is not UTF-8).
  public let bytes: [UInt8]

  public init(_ message: String) { self.bytes = Array(message.utf8) }

  public init(bytes: [UInt8]) { self.bytes = bytes }

  /// The message for people, with any invalid UTF-8 replaced.
  public var message: String { String(decoding: bytes, as: UTF8.self) }
}
