import RESP

/// One blocking connection to a Redis-protocol server, with connect and socket timeouts.
/// Used by one caller at a time: the pool hands a connection out exclusively and takes it back after.
final class RedisClientConnection: @unchecked Sendable {
  private let socket: BlockingSocket
  private var decoder = RESPReplyDecoder()

  init(host: String, port: UInt16, timeoutSeconds: Double) throws(CacheError) {
    socket = try BlockingSocket(host: host, port: port, timeoutSeconds: timeoutSeconds, serverName: "Redis")
  }

  /// Sends the commands in one write and reads one reply for each, in order.
  func pipeline(_ commands: [[[UInt8]]]) throws(CacheError) -> [RESPValue] {
    var writer = RESPWriter()
    for command in commands { writer.command(command) }
    try socket.send(writer.bytes)
    var replies: [RESPValue] = []
    replies.reserveCapacity(commands.count)
    while replies.count < commands.count { replies.append(try readReply()) }
    return replies
  }

  private func readReply() throws(CacheError) -> RESPValue {
    while true {
      do {
        if let value = try decoder.next() { return value }
      } catch {
        throw CacheError.backendFailure("Redis sent a malformed reply: \(error.message)")
      }
      decoder.append(try socket.receive())
    }
  }
}
