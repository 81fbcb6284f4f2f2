/// One blocking connection to a memcached server, speaking the text protocol: it sends requests and
/// reads back status lines and VALUE blocks. One caller at a time uses it.
final class MemcachedClientConnection: @unchecked Sendable {
  private let socket: BlockingSocket
  private var pending: [UInt8] = []
  private var position = 0

  init(server: MemcachedLocation.Server, timeoutSeconds: Double) throws(CacheError) {
    socket = try BlockingSocket(
      host: server.host, port: server.port, timeoutSeconds: timeoutSeconds, serverName: "memcached")
  }

  func send(_ request: [UInt8]) throws(CacheError) { try socket.send(request) }

  /// The next reply line, without its CR LF.
  func readLine() throws(CacheError) -> [UInt8] {
    while true {
      if let newline = pending[position...].firstIndex(of: 10) {
        let end = newline > position && pending[newline - 1] == 13 ? newline - 1 : newline
        let line = Array(pending[position..<end])
        position = newline + 1
        return line
      }
      try fill()
    }
  }

  /// The values of a get's reply, by key, up to its END line.
  func readValues() throws(CacheError) -> [[UInt8]: [UInt8]] {
    var values: [[UInt8]: [UInt8]] = [:]
    while true {
      let line = try readLine()
      if line == Array("END".utf8) { return values }
      let fields = line.split(separator: UInt8(ascii: " "))
      guard fields.count >= 4, fields[0].elementsEqual("VALUE".utf8),
        let length = Int(String(decoding: fields[3], as: UTF8.self)), length >= 0
      else { throw Self.unexpected(line) }
      while pending.count - position < length + 2 { try fill() }
      values[Array(fields[1])] = Array(pending[position..<(position + length)])
      position += length + 2
    }
  }

  /// A CacheError for a reply the protocol does not allow here, quoting it.
  static func unexpected(_ line: [UInt8]) -> CacheError {
    .backendFailure(
      "memcached sent an unexpected reply: \(String(decoding: line.prefix(200), as: UTF8.self))")
  }

  private func fill() throws(CacheError) {
    if position > 0 && position == pending.count {
      pending.removeAll(keepingCapacity: true)
      position = 0
    }
    pending.append(contentsOf: try socket.receive())
  }
}
