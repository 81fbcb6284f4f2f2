/// Where a Redis server is: `redis://[:password@]host[:port][/db]`, as redis-py and Django accept it.
public struct RedisLocation: Sendable, Equatable {
  public var host = "127.0.0.1"
  public var port: UInt16 = 6379
  public var database = 0
  public var password: String?

  public init(host: String = "127.0.0.1", port: UInt16 = 6379, database: Int = 0, password: String? = nil) {
    self.host = host
    self.port = port
    self.database = database
    self.password = password
  }

  /// Parses a redis:// URL; nil when it is not one.
  public init?(url: String) {
    guard url.hasPrefix("redis://") else { return nil }
    var rest = Substring(url.dropFirst("redis://".count))
    if let at = rest.lastIndex(of: "@") {
      let credentials = rest[..<at]
      password = credentials.split(separator: ":", maxSplits: 1).last.map(String.init)
      rest = rest[rest.index(after: at)...]
    }
    if let slash = rest.firstIndex(of: "/") {
      let path = rest[rest.index(after: slash)...]
      if !path.isEmpty {
        guard let database = Int(path), database >= 0 else { return nil }
        self.database = database
      }
      rest = rest[..<slash]
    }
    if let colon = rest.lastIndex(of: ":") {
      guard let port = UInt16(rest[rest.index(after: colon)...]) else { return nil }
      self.port = port
      rest = rest[..<colon]
    }
    if !rest.isEmpty { host = String(rest) }
  }
}
