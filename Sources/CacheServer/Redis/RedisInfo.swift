import Glibc

/// The INFO text: `# Section` headers, `key:value` lines, a blank line between sections.
struct RedisInfo {
  let store: Store
  let frontEnd: RedisFrontEnd

  static let defaultSections = [
    "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "keyspace",
  ]

  func render(sections requested: [[UInt8]]) -> String {
    let names = requested.map { String(decoding: $0, as: UTF8.self).lowercased() }
    let chosen: [String]
    if names.isEmpty || names.contains("default") || names.contains("all") || names.contains("everything") {
      chosen = Self.defaultSections
    } else {
      chosen = Self.defaultSections.filter(names.contains)
    }
    return chosen.compactMap(section).joined(separator: "\r\n")
  }

  private func section(_ name: String) -> String? {
    let lines: [(String, String)]
    switch name {
    case "server":
      lines = [
        ("redis_version", RedisFrontEnd.reportedVersion), ("redis_mode", "standalone"), ("os", "Linux"),
        ("process_id", String(getpid())), ("tcp_port", String(frontEnd.port)),
        ("uptime_in_seconds", String(frontEnd.uptimeSeconds)), ("server_name", "cachelings"),
      ]
    case "clients":
      lines = [("connected_clients", String(frontEnd.sessionCount)), ("maxclients", "10000")]
    case "memory":
      lines = [
        ("used_memory", String(store.memoryUsed)), ("maxmemory", String(store.maxMemory)),
        ("maxmemory_policy", store.policy.rawValue),
      ]
    case "persistence":
      lines = [("loading", "0"), ("rdb_changes_since_last_save", "0"), ("aof_enabled", "0")]
    case "stats":
      lines = [
        ("total_connections_received", String(frontEnd.connectionsReceived)),
        ("total_commands_processed", String(frontEnd.commandsProcessed)),
        ("expired_keys", String(store.expiredTotal)), ("evicted_keys", String(store.statistics.evicted)),
        ("keyspace_hits", String(store.statistics.hits)),
        ("keyspace_misses", String(store.statistics.misses)),
      ]
    case "replication":
      lines = [("role", "master"), ("connected_slaves", "0")]
    case "cpu":
      lines = []
    case "keyspace":
      lines = store.databases.indices.compactMap { index in
        let keyspace = store.databases[index]
        guard keyspace.count > 0 else { return nil }
        return ("db\(index)", "keys=\(keyspace.count),expires=\(keyspace.volatileCount),avg_ttl=0")
      }
    default:
      return nil
    }
    let title = "# " + name.prefix(1).uppercased() + name.dropFirst() + "\r\n"
    return title + lines.map { "\($0.0):\($0.1)\r\n" }.joined()
  }
}
