import RESP

/// A connection that sends commands and reads whole replies, decoding as they arrive.
final class RedisReplyReader {
  let client: TestClient
  private var decoder = RESPReplyDecoder()

  init(port: UInt16) throws { client = try TestClient(port: port) }

  func call(_ arguments: [String]) throws -> RESPValue? {
    try call(bytes: arguments.map { Array($0.utf8) })
  }

  /// `call` for arguments that are not text (patterns and keys with any bytes).
  func call(bytes arguments: [[UInt8]]) throws -> RESPValue? {
    var writer = RESPWriter()
    writer.command(arguments)
    client.send(writer.bytes)
    return try readReply()
  }

  /// The next reply, or nil when the connection closed or timed out first.
  func readReply() throws -> RESPValue? {
    while true {
      if let value = try decoder.next() { return value }
      let bytes = client.receiveSome()
      if bytes.isEmpty { return nil }
      decoder.append(bytes)
    }
  }
}
