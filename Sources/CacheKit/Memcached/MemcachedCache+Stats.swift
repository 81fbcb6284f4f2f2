/// What the servers report about themselves: the counters a cache is monitored by.
extension MemcachedCache {
  /// Each server's `stats`, in LOCATION order: one dictionary of `STAT name value` lines per server,
  /// like pymemcache's `Client.stats()` for one; unlike it, values stay text (`Int(...)` them).
  ///
  /// With no argument, the general counters (`get_hits`, `get_misses`, `evictions`, `curr_items`,
  /// `bytes`, ...); otherwise one of the kinds answered in STAT lines, `Self.statsKinds`: `"settings"`,
  /// `"items"`, `"slabs"`, `"sizes"`, `"conns"` or `"reset"` (zeroes the counters and returns empty
  /// dictionaries). Counters run from the server's start or its last
  /// `stats reset`: compare two readings. Each server counts only its own keys.
  public func stats(_ kind: String? = nil) throws -> [[String: String]] {
    if let kind, !Self.statsKinds.contains(kind) {
      throw CacheError.backendFailure(
        "memcached stats: \(kind.debugDescription) is not one of the kinds answered in STAT lines ("
          + Self.statsKinds.sorted().joined(separator: ", ") + ")")
    }
    let request = Array(("stats" + (kind.map { " " + $0 } ?? "") + "\r\n").utf8)
    return try location.servers.indices.map { server in
      try withConnection(to: server) { connection in
        try connection.send(request)
        return try Self.readStats(connection)
      }
    }
  }

  /// The kinds `stats` reads: those whose answer is STAT lines and END (or RESET). Others answer ITEM
  /// or PREFIX lines (`cachedump`, `detail dump`), OK (`detail on`), or a STAT line with no END
  /// (`sizes_enable`).
  public static let statsKinds: Set<String> = [
    "settings", "items", "slabs", "sizes", "conns", "reset",
  ]

  /// The STAT lines up to END; RESET (from `stats reset`) ends an empty answer.
  private static func readStats(_ connection: MemcachedClientConnection) throws -> [String: String] {
    var fields: [String: String] = [:]
    while true {
      let line = String(decoding: try connection.readLine(), as: UTF8.self)
      if line == "END" { return fields }
      if fields.isEmpty && line == "RESET" { return fields }
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
