/// What the servers report about themselves: the counters a cache is monitored by.
extension RedisCache {
  /// Each server's `INFO`, in LOCATION order (the leader first, then any replicas): one dictionary of
  /// `name: value` lines per server, like redis-py's `info()` for one; unlike it, values stay text
  /// (`Int(...)` them) and `db0` stays `keys=1,expires=0,avg_ttl=0`.
  ///
  /// With no sections, Redis's default ones; otherwise only those named, such as `"stats"` (with
  /// `keyspace_hits`, `keyspace_misses`, `evicted_keys`) or `"memory"` (`used_memory`, `maxmemory`);
  /// several sections in one call need Redis 7.0 or later. Counters run from the server's start or
  /// its last `CONFIG RESETSTAT`: compare two readings. INFO describes a server, not a database, so
  /// two LOCATIONs on one server with different `/db` numbers report the same counters twice.
  /// A server that cannot be reached is an error here even with `ignoreErrors`: a monitor must see it.
  public func info(_ sections: String...) throws -> [[String: String]] {
    try locations.indices.map { server in
      let reply = try run(["INFO"] + sections.map { .text($0) }, on: server)
      guard let text = reply.bytes else {
        throw CacheError.backendFailure("Redis answered INFO with \(reply), not text")
      }
      return Self.parseInfo(String(decoding: text, as: UTF8.self))
    }
  }

  /// The `name:value` lines of INFO's text; `# Section` titles and blank lines are left out, and a
  /// value keeps any further colons (`db0:keys=1,expires=0,avg_ttl=0` gives `keys=1,...`).
  static func parseInfo(_ text: String) -> [String: String] {
    var fields: [String: String] = [:]
    for line in text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
      guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { continue }
      fields[String(line[..<colon])] = String(line[line.index(after: colon)...])
    }
    return fields
  }
}
