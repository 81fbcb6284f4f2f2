import RESP

/// EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (with NX, XX, GT, LT), TTL, PTTL and PERSIST (Redis's expire.c).
enum RedisExpiryCommands {
  static func expire(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    setExpiry(&store, call, &reply, unit: 1_000, relative: true)
  }

  static func pexpire(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    setExpiry(&store, call, &reply, unit: 1, relative: true)
  }

  static func expireat(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    setExpiry(&store, call, &reply, unit: 1_000, relative: false)
  }

  static func pexpireat(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    setExpiry(&store, call, &reply, unit: 1, relative: false)
  }

  private static func setExpiry(
    _ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter, unit: Int64, relative: Bool
  ) {
    var nx = false
    var xx = false
    var gt = false
    var lt = false
    for index in 3..<max(3, call.count) {
      let word = call[index]
      if word.isKeyword("NX") {
        nx = true
      } else if word.isKeyword("XX") {
        xx = true
      } else if word.isKeyword("GT") {
        gt = true
      } else if word.isKeyword("LT") {
        lt = true
      } else {
        return reply.error("ERR Unsupported option \(String(decoding: word, as: UTF8.self))")
      }
    }
    if nx && (xx || gt || lt) {
      return reply.error("ERR NX and XX, GT or LT options at the same time are not compatible")
    }
    if gt && lt { return reply.error("ERR GT and LT options at the same time are not compatible") }
    guard var amount = call.integer(2) else { return reply.error(RedisError.notInteger) }
    let name = String(decoding: call[0], as: UTF8.self).lowercased()
    let now = store.clock.now()
    let (scaled, overflowScale) = amount.multipliedReportingOverflow(by: unit)
    guard !overflowScale else { return reply.error(RedisError.invalidExpire(name)) }
    amount = scaled
    if relative {
      let (sum, overflowSum) = amount.addingReportingOverflow(now)
      guard !overflowSum else { return reply.error(RedisError.invalidExpire(name)) }
      amount = sum
    }
    let database = call.session.database
    guard let entry = store.peek(call.key(1), in: database) else { return reply.integer(0) }
    let current = entry.expiresAt
    if nx && entry.hasExpiry { return reply.integer(0) }
    if xx && !entry.hasExpiry { return reply.integer(0) }
    if gt && (!entry.hasExpiry || amount <= current) { return reply.integer(0) }
    if lt && entry.hasExpiry && amount >= current { return reply.integer(0) }
    if amount <= now {
      store.delete(call.key(1), in: database)
    } else {
      store.expire(call.key(1), at: amount, in: database)
    }
    reply.integer(1)
  }

  static func ttl(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    remaining(&store, call, &reply) { ($0 + 500) / 1_000 }
  }

  static func pttl(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    remaining(&store, call, &reply) { $0 }
  }

  private static func remaining(
    _ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter, scale: (Int64) -> Int64
  ) {
    guard let entry = store.inspect(call.key(1), in: call.session.database) else { return reply.integer(-2) }
    guard entry.hasExpiry else { return reply.integer(-1) }
    reply.integer(scale(max(0, entry.expiresAt - store.clock.now())))
  }

  static func persist(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let database = call.session.database
    guard let entry = store.peek(call.key(1), in: database), entry.hasExpiry else { return reply.integer(0) }
    store.expire(call.key(1), at: StoreEntry.never, in: database)
    reply.integer(1)
  }
}
