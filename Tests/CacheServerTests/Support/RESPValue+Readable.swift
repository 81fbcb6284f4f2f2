import RESP

extension RESPValue {
  /// A short readable form for test failure messages: strings quoted, errors marked, aggregates bracketed.
  var readable: String {
    func quoted(_ bytes: [UInt8]) -> String { "\"" + String(decoding: bytes, as: UTF8.self) + "\"" }
    switch self {
    case .simpleString(let bytes): return "+" + String(decoding: bytes, as: UTF8.self)
    case .error(let bytes), .bulkError(let bytes): return "-" + String(decoding: bytes, as: UTF8.self)
    case .integer(let value): return ":\(value)"
    case .bulkString(let bytes): return quoted(bytes)
    case .null: return "nil"
    case .array(let items), .set(let items), .push(let items):
      return "[" + items.map(\.readable).joined(separator: ", ") + "]"
    case .boolean(let value): return value ? "#t" : "#f"
    case .double(let value): return ",\(value)"
    case .bigNumber(let bytes): return "(" + String(decoding: bytes, as: UTF8.self)
    case .verbatim(_, let text): return quoted(text)
    case .map(let pairs), .attribute(let pairs):
      return "{" + pairs.map { $0.key.readable + ": " + $0.value.readable }.joined(separator: ", ") + "}"
    }
  }
}
