import RESP

/// DEL, EXISTS, TYPE, KEYS, SCAN, DBSIZE, FLUSHDB and FLUSHALL (Redis's db.c).
enum RedisKeyCommands {
  static func del(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    var removed: Int64 = 0
    for index in 1..<call.count where store.delete(call.key(index), in: call.session.database) {
      removed += 1
    }
    reply.integer(removed)
  }

  static func exists(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    var found: Int64 = 0
    for index in 1..<call.count where store.inspect(call.key(index), in: call.session.database) != nil {
      found += 1
    }
    reply.integer(found)
  }

  static func type(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    reply.simpleString(store.inspect(call.key(1), in: call.session.database) == nil ? "none" : "string")
  }

  static func keys(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let now = store.clock.now()
    let keyspace = store.databases[call.session.database]
    let pattern = keyPattern(call[1])
    let matching = keyspace.allKeys().filter { key in
      guard let position = keyspace.position(of: key), !keyspace.entry(at: position).isExpired(at: now) else {
        return false
      }
      return pattern?.matches(key.bytes) ?? true
    }
    reply.arrayHeader(matching.count)
    for key in matching { reply.bulkString(key.bytes) }
  }

  static func scan(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    guard let cursor = UInt64(String(decoding: call[1], as: UTF8.self)), cursor <= UInt64(Int.max) else {
      return reply.error("ERR invalid cursor")
    }
    var pattern: GlobPattern?
    var count = 10
    var index = 2
    while index < call.count {
      guard index + 1 < call.count else { return reply.error(RedisError.syntax) }
      if call[index].isKeyword("MATCH") {
        pattern = keyPattern(call[index + 1])
      } else if call[index].isKeyword("COUNT") {
        guard let value = call.integer(index + 1) else { return reply.error(RedisError.notInteger) }
        guard value >= 1 else { return reply.error(RedisError.syntax) }
        count = Int(min(value, Int64(Int32.max)))
      } else if call[index].isKeyword("TYPE") {
        if !call[index + 1].isKeyword("string") { pattern = GlobPattern([0xFF, 0xFE]) }
      } else {
        return reply.error(RedisError.syntax)
      }
      index += 2
    }
    let now = store.clock.now()
    let keyspace = store.databases[call.session.database]
    let page = keyspace.scan(from: Int(cursor), count: count)
    let keys = page.keys.filter { key in
      guard let position = keyspace.position(of: key), !keyspace.entry(at: position).isExpired(at: now) else {
        return false
      }
      return pattern?.matches(key.bytes) ?? true
    }
    reply.arrayHeader(2)
    reply.bulkString(Array(String(page.next).utf8))
    reply.arrayHeader(keys.count)
    for key in keys { reply.bulkString(key.bytes) }
  }

  /// The pattern of KEYS or SCAN MATCH; nil for `*` alone, which Redis takes as every key (the empty
  /// one included, which no pattern matches).
  private static func keyPattern(_ bytes: [UInt8]) -> GlobPattern? {
    bytes == [UInt8(ascii: "*")] ? nil : GlobPattern(bytes)
  }

  static func dbsize(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    reply.integer(Int64(store.databases[call.session.database].count))
  }

  static func flushdb(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    guard flushModeIsValid(call) else { return reply.error(RedisError.syntax) }
    store.databases[call.session.database].removeAll()
    reply.simpleString("OK")
  }

  static func flushall(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    guard flushModeIsValid(call) else { return reply.error(RedisError.syntax) }
    for database in store.databases.indices { store.databases[database].removeAll() }
    reply.simpleString("OK")
  }

  private static func flushModeIsValid(_ call: RedisCall) -> Bool {
    call.count == 1 || (call.count == 2 && (call[1].isKeyword("ASYNC") || call[1].isKeyword("SYNC")))
  }
}
