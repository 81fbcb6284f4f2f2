import RESP

/// GET, SET and the other string commands (Redis's t_string.c).
enum RedisStringCommands {
  static func get(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    reply.optionalBulk(store.read(call.key(1), in: call.session.database)?.value)
  }

  static func set(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    var onlyIfAbsent = false
    var onlyIfPresent = false
    var returnOld = false
    var keepTTL = false
    var expiry: ExpiryOption?
    var index = 3
    while index < call.count {
      let word = call[index]
      let hasNext = index + 1 < call.count
      if word.isKeyword("NX") && !onlyIfPresent {
        onlyIfAbsent = true
      } else if word.isKeyword("XX") && !onlyIfAbsent {
        onlyIfPresent = true
      } else if word.isKeyword("GET") {
        returnOld = true
      } else if word.isKeyword("KEEPTTL") && expiry == nil {
        keepTTL = true
      } else if let unit = ExpiryOption.Unit(word), hasNext, expiry == nil, !keepTTL {
        expiry = ExpiryOption(unit: unit, amount: call[index + 1])
        index += 1
      } else {
        return reply.error(RedisError.syntax)
      }
      index += 1
    }
    var deadline = StoreEntry.never
    if let expiry {
      switch expiry.deadline(now: store.clock.now()) {
      case .success(let value): deadline = value
      case .failure(.notInteger): return reply.error(RedisError.notInteger)
      case .failure(.invalid): return reply.error(RedisError.invalidExpire("set"))
      }
    }
    let database = call.session.database
    let key = call.key(1)
    let old = returnOld ? store.read(key, in: database) : store.peek(key, in: database)
    if (onlyIfAbsent && old != nil) || (onlyIfPresent && old == nil) {
      return returnOld ? reply.optionalBulk(old?.value) : reply.null()
    }
    if keepTTL, let old { deadline = old.expiresAt }
    store.write(key, StoreEntry(value: call[2], expiresAt: deadline), in: database)
    returnOld ? reply.optionalBulk(old?.value) : reply.simpleString("OK")
  }

  static func setnx(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let key = call.key(1)
    if store.peek(key, in: call.session.database) != nil { return reply.integer(0) }
    store.write(key, StoreEntry(value: call[2]), in: call.session.database)
    reply.integer(1)
  }

  static func setex(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    setWithTimeout(&store, call, &reply, unit: .seconds, command: "setex")
  }

  static func psetex(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    setWithTimeout(&store, call, &reply, unit: .milliseconds, command: "psetex")
  }

  private static func setWithTimeout(
    _ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter, unit: ExpiryOption.Unit,
    command: String
  ) {
    switch ExpiryOption(unit: unit, amount: call[2]).deadline(now: store.clock.now()) {
    case .failure(.notInteger): reply.error(RedisError.notInteger)
    case .failure(.invalid): reply.error(RedisError.invalidExpire(command))
    case .success(let deadline):
      store.write(call.key(1), StoreEntry(value: call[3], expiresAt: deadline), in: call.session.database)
      reply.simpleString("OK")
    }
  }

  static func getdel(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let entry = store.read(call.key(1), in: call.session.database)
    if entry != nil { store.delete(call.key(1), in: call.session.database) }
    reply.optionalBulk(entry?.value)
  }

  static func getex(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    var persist = false
    var expiry: ExpiryOption?
    var index = 2
    while index < call.count {
      let word = call[index]
      if word.isKeyword("PERSIST") && expiry == nil && !persist {
        persist = true
      } else if let unit = ExpiryOption.Unit(word), index + 1 < call.count, expiry == nil, !persist {
        expiry = ExpiryOption(unit: unit, amount: call[index + 1])
        index += 1
      } else {
        return reply.error(RedisError.syntax)
      }
      index += 1
    }
    // Redis checks the syntax, then looks the key up, and only then validates the amount.
    let database = call.session.database
    guard let entry = store.read(call.key(1), in: database) else { return reply.null() }
    var deadline: Int64?
    if let expiry {
      switch expiry.deadline(now: store.clock.now()) {
      case .success(let value): deadline = value
      case .failure(.notInteger): return reply.error(RedisError.notInteger)
      case .failure(.invalid): return reply.error(RedisError.invalidExpire("getex"))
      }
    }
    if persist { store.expire(call.key(1), at: StoreEntry.never, in: database) }
    if let deadline {
      if deadline <= store.clock.now() {
        store.delete(call.key(1), in: database)
      } else {
        store.expire(call.key(1), at: deadline, in: database)
      }
    }
    reply.bulkString(entry.value)
  }

  static func mget(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    reply.arrayHeader(call.count - 1)
    for index in 1..<call.count {
      reply.optionalBulk(store.read(call.key(index), in: call.session.database)?.value)
    }
  }

  static func mset(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    guard call.count % 2 == 1 else { return reply.error(RedisError.arity("mset")) }
    for index in stride(from: 1, to: call.count, by: 2) {
      store.write(call.key(index), StoreEntry(value: call[index + 1]), in: call.session.database)
    }
    reply.simpleString("OK")
  }

  static func msetnx(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    guard call.count % 2 == 1 else { return reply.error(RedisError.arity("msetnx")) }
    for index in stride(from: 1, to: call.count, by: 2)
    where store.peek(call.key(index), in: call.session.database) != nil {
      return reply.integer(0)
    }
    for index in stride(from: 1, to: call.count, by: 2) {
      store.write(call.key(index), StoreEntry(value: call[index + 1]), in: call.session.database)
    }
    reply.integer(1)
  }

  static func append(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let database = call.session.database
    var entry = store.peek(call.key(1), in: database) ?? StoreEntry(value: [])
    entry.value += call[2]
    let length = entry.value.count
    store.write(call.key(1), entry, in: database)
    reply.integer(Int64(length))
  }

  static func strlen(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    reply.integer(Int64(store.read(call.key(1), in: call.session.database)?.value.count ?? 0))
  }
}
