/// Sends one text line to a server and reads its reply, up to a line end or a longer terminator: enough
/// for admin commands such as the test clock of the course's servers (Redis reads a plain line as an
/// inline command) and memcached's `stats`, which ends with `END`.
public enum LineExchange {
  /// The reply line without its CR LF; an error when the server cannot be reached or does not answer.
  public static func send(
    _ line: String, host: String, port: UInt16, timeoutSeconds: Double = 2, until terminator: String = "\r\n"
  ) throws(CacheError)
    -> String
  {
    let socket = try BlockingSocket(
      host: host, port: port, timeoutSeconds: timeoutSeconds, serverName: "server")
    try socket.send(Array((line + "\r\n").utf8))
    let end = Array(terminator.utf8)
    var reply: [UInt8] = []
    while !reply.suffix(end.count).elementsEqual(end) {
      reply += try socket.receive()
    }
    return String(decoding: reply.dropLast(2), as: UTF8.self)
  }
}
