/// What the servers report about themselves: the counters a cache is monitored by.
extension MemcachedCache {
  /// Each server's `stats`, in LOCATION order: one dictionary of `STAT name value` lines per server,
  /// as pymemcache's `Client.stats()` returns for one (values stay text).
  ///
  /// With no argument, the general counters (`get_hits`, `get_misses`, `evictions`, `curr_items`,
  /// `bytes`, ...); otherwise `stats <kind>`, such as `"settings"`. Counters run from the server's
  /// start or its last `stats reset`: compare two readings. Each server counts only its own keys.
  public func stats(_ kind: String? = nil) throws -> [[String: String]] {
    if let kind, kind.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 }) {
      throw CacheError.backendFailure(
        "memcached stats: the argument \(kind.debugDescription) has a control character, which would "
          + "end or corrupt the command line")
    }
    let request = Array(("stats" + (kind.map { " " + $0 } ?? "") + "\r\n").utf8)
    return try location.servers.indices.map { server in
      try withConnection(to: server) { connection in
        try connection.send(request)
        return try Self.readStats(connection)
      }
    }
  }

  /// The STAT lines up to END; RESET or OK (from `stats reset` and its like) end an empty answer.
  private static func readStats(_ connection: MemcachedClientConnection) throws -> [String: String] {
    var fields: [String: String] = [:]
    while true {
      let line = String(decoding: try connection.readLine(), as: UTF8.self)
      if line == "END" { return fields }
      if fields.isEmpty && (line == "RESET" || line == "OK") { return fields }
      if line == "ERROR" || line.hasPrefix("CLIENT_ERROR") || line.hasPrefix("SERVER_ERROR") {
        throw CacheError.backendFailure("memcached refused stats: \(line)")
      }
      let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
      guard parts.count == 3, parts[0] == "STAT" else {
        throw MemcachedClientConnection.unexpected(Array(line.utf8))
      }
      fields[String(parts[1])] = String(parts[2])
    }
  }
}
