import RESP

/// INFO, CONFIG, COMMAND, DBSIZE's neighbours and the test-only clock command.
enum ServerCommands {
  static func info(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let text = RedisInfo(store: store, frontEnd: call.frontEnd).render(
      sections: Array(call.arguments.dropFirst()))
    reply.verbatim(format: Array("txt".utf8), text: Array(text.utf8))
  }

  static func config(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let sub = call[1]
    if sub.isKeyword("GET") && call.count >= 3 {
      var pairs: [(String, String)] = []
      for pattern in call.arguments.dropFirst(2) {
        for (name, value) in configValues(store)
        where GlobPattern.matches(pattern.map(ASCII.lowercase), Array(name.utf8)) {
          if !pairs.contains(where: { $0.0 == name }) { pairs.append((name, value)) }
        }
      }
      reply.mapHeader(pairs.count)
      for (name, value) in pairs {
        reply.bulkString(Array(name.utf8))
        reply.bulkString(Array(value.utf8))
      }
    } else if sub.isKeyword("SET") && call.count >= 4 && call.count % 2 == 0 {
      for index in stride(from: 2, to: call.count, by: 2) {
        let name = String(decoding: call[index].map(ASCII.lowercase), as: UTF8.self)
        let value = String(decoding: call[index + 1], as: UTF8.self)
        switch name {
        case "maxmemory":
          guard let bytes = MemorySize.parse(value) else {
            return reply.error(
              "ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value"
            )
          }
          store.maxMemory = bytes
        case "maxmemory-policy":
          guard let policy = EvictionPolicy(rawValue: value.lowercased()) else {
            return reply.error(
              "ERR CONFIG SET failed (possibly related to argument 'maxmemory-policy') - argument(s) must be one of the following: volatile-lru, allkeys-lru, volatile-random, allkeys-random, noeviction"
            )
          }
          store.policy = policy
        case "save", "appendonly":
          break
        default:
          return reply.error("ERR Unknown option or number of arguments for CONFIG SET - '\(name)'")
        }
      }
      reply.simpleString("OK")
    } else if sub.isKeyword("RESETSTAT") && call.count == 2 {
      store.statistics = StoreStatistics()
      reply.simpleString("OK")
    } else if sub.isKeyword("GET") || sub.isKeyword("SET") {
      reply.error(RedisError.arity("config|" + String(decoding: sub, as: UTF8.self).lowercased()))
    } else {
      reply.error(RedisError.unknownSubcommand(sub, of: "CONFIG"))
    }
  }

  private static func configValues(_ store: Store) -> [(String, String)] {
    [
      ("maxmemory", String(store.maxMemory)), ("maxmemory-policy", store.policy.rawValue), ("save", ""),
      ("appendonly", "no"), ("databases", String(store.databases.count)),
    ]
  }

  static func command(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    reply.arrayHeader(0)
  }

  /// `ADVANCECLOCK milliseconds`: moves the server's time forward, for graders; only with the test flag.
  static func advanceClock(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    guard let milliseconds = call.integer(1), milliseconds >= 0 else {
      return reply.error(RedisError.notInteger)
    }
    store.clock.advance(byMilliseconds: milliseconds)
    reply.simpleString("OK")
  }
}
