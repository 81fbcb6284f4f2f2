/// A memcached text-protocol connection for tests: sends a request followed by `mn` and reads until the
/// `MN` line, so every reply (or none, for noreply) is collected whole.
final class MemcachedTextClient {
  let client: TestClient
  private var pending: [UInt8] = []

  init(port: UInt16) throws { client = try TestClient(port: port, timeoutSeconds: 3) }

  /// The bytes the server sent in answer to `request`, without the final `MN`; nil when the
  /// connection closed or timed out first.
  func exchange(_ request: [UInt8]) -> [UInt8]? {
    client.send(request + Array("mn\r\n".utf8))
    let marker = Array("MN\r\n".utf8)
    while true {
      if pending.count >= 4, Array(pending.suffix(4)) == marker,
        pending.count == 4 || pending[pending.count - 5] == 10
      {
        defer { pending = [] }
        return Array(pending.dropLast(4))
      }
      let bytes = client.receive(count: 1)
      if bytes.isEmpty { return nil }
      pending += bytes
    }
  }
}
