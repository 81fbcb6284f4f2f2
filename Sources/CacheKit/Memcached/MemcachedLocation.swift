/// The memcached servers a cache uses, written as Django's LOCATION for memcached is: `host:port`,
/// several separated by `;` or `,`, or a list of them. The port defaults to 11211.
public struct MemcachedLocation: Sendable, Equatable {
  public struct Server: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: UInt16

    public init(host: String = "127.0.0.1", port: UInt16 = 11211) {
      self.host = host
      self.port = port
    }

    public var description: String { "\(host):\(port)" }
  }

  public var servers: [Server]

  public init(servers: [Server] = [Server()]) {
    self.servers = servers
  }

  /// Parses one LOCATION string; the error names the part it could not read.
  public init(parsing text: String) throws(CacheError) {
    try self.init(parsing: text.split(whereSeparator: { $0 == ";" || $0 == "," }).map(String.init))
  }

  /// Parses a list of `host:port` entries.
  public init(parsing entries: [String]) throws(CacheError) {
    var servers: [Server] = []
    for entry in entries.map(Self.trimmed) where !entry.isEmpty {
      if entry.hasPrefix("unix:") || entry.hasPrefix("/") {
        throw CacheError.backendFailure(
          "memcached location '\(entry)': Unix sockets are not supported, use host:port")
      }
      let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count <= 2, let host = parts.first, !host.isEmpty else {
        throw CacheError.backendFailure("memcached location '\(entry)' is not host:port")
      }
      var port: UInt16 = 11211
      if parts.count == 2 {
        guard let parsed = UInt16(parts[1]), parsed > 0 else {
          throw CacheError.backendFailure("memcached location '\(entry)' has a bad port (1 to 65535)")
        }
        port = parsed
      }
      servers.append(Server(host: String(host), port: port))
    }
    guard !servers.isEmpty else { throw CacheError.backendFailure("memcached location names no server") }
    self.servers = servers
  }

  private static func trimmed(_ text: String) -> String {
    String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
