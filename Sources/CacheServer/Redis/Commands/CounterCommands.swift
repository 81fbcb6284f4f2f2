import RESP

/// INCR, DECR, INCRBY, DECRBY and INCRBYFLOAT: a missing key counts as 0 and the TTL is kept.
enum CounterCommands {
  static func incr(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    add(&store, call, &reply, delta: 1)
  }

  static func decr(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    add(&store, call, &reply, delta: -1)
  }

  static func incrby(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    guard let delta = call.integer(2) else { return reply.error(RedisError.notInteger) }
    add(&store, call, &reply, delta: delta)
  }

  static func decrby(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    guard let delta = call.integer(2) else { return reply.error(RedisError.notInteger) }
    guard delta != Int64.min else { return reply.error("ERR decrement would overflow") }
    add(&store, call, &reply, delta: -delta)
  }

  private static func add(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter, delta: Int64) {
    let database = call.session.database
    let key = call.key(1)
    let stored = store.peek(key, in: database)?.value
    guard let current = stored.map(RedisInteger.parse) ?? 0 else { return reply.error(RedisError.notInteger) }
    let (sum, overflow) = current.addingReportingOverflow(delta)
    guard !overflow else { return reply.error(RedisError.overflow) }
    let digits = RedisInteger.format(sum)
    if stored == nil || !store.replaceValue(of: key, in: database, with: digits) {
      store.write(key, StoreEntry(value: digits), in: database)
    }
    reply.integer(sum)
  }

  static func incrbyfloat(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let database = call.session.database
    var entry = store.peek(call.key(1), in: database) ?? StoreEntry(value: [UInt8(ascii: "0")])
    guard let current = RedisFloat.parse(entry.value), let delta = RedisFloat.parse(call[2]) else {
      return reply.error(RedisError.notFloat)
    }
    let sum = current + delta
    guard sum.isFinite else { return reply.error("ERR increment would produce NaN or Infinity") }
    entry.value = RedisFloat.format(sum)
    store.write(call.key(1), entry, in: database)
    reply.bulkString(entry.value)
  }
}

/// Redis's long double parsing and formatting for INCRBYFLOAT, within what a Double can hold.
enum RedisFloat {
  /// A finite number written without spaces; Redis refuses "inf" and "nan" here.
  static func parse(_ bytes: [UInt8]) -> Double? {
    guard !bytes.isEmpty, bytes.count <= 5_000, bytes.first != UInt8(ascii: " "),
      bytes.last != UInt8(ascii: " ")
    else { return nil }
    guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
    return value
  }

  /// Up to 17 decimals with trailing zeros (and a trailing point) removed, as `%.17Lf` humanised.
  static func format(_ value: Double) -> [UInt8] {
    if value == value.rounded(), abs(value) < 1e17 { return Array(String(Int64(value)).utf8) }
    var text = String(value)
    if text.contains("e") { text = String(describing: value) }
    return Array(text.utf8)
  }
}
