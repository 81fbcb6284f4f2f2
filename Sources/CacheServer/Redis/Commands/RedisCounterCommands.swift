import Glibc
import RESP

/// INCR, DECR, INCRBY, DECRBY and INCRBYFLOAT: a missing key counts as 0 and the TTL is kept.
enum RedisCounterCommands {
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
    let outcome = store.update(call.key(1), in: call.session.database) {
      stored -> ([UInt8]?, Result<Int64, Refusal>) in
      guard let current = stored.map(RedisInteger.parse) ?? 0 else { return (nil, .failure(.notInteger)) }
      let (sum, overflow) = current.addingReportingOverflow(delta)
      return overflow ? (nil, .failure(.overflow)) : (RedisInteger.format(sum), .success(sum))
    }
    switch outcome {
    case .success(let sum): reply.integer(sum)
    case .failure(.notInteger): reply.error(RedisError.notInteger)
    case .failure(.overflow): reply.error(RedisError.overflow)
    }
  }

  private enum Refusal: Error { case notInteger, overflow }

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

/// INCRBYFLOAT's arithmetic as Redis does it: C `long double` (Float80 here), parsed with strtold and
/// written with `%.17Lf`, trailing zeros and a trailing point removed (util.c string2ld, ld2string).
enum RedisFloat {
  #if arch(x86_64) && os(Linux)
  typealias Number = Float80
  #else
  typealias Number = Double
  #endif

  /// The number in `bytes`, or nil where Redis answers "value is not a valid float": empty, leading
  /// space, trailing garbage, NaN, or out of range. Infinity parses (the sum is refused later).
  static func parse(_ bytes: [UInt8]) -> Number? {
    guard !bytes.isEmpty, bytes.count < 5 * 1_024 else { return nil }
    let text = bytes.prefix { $0 != 0 }.map { CChar(bitPattern: $0) } + [0]
    guard let first = text.first, !(first == 32 || (first >= 9 && first <= 13)) else { return nil }
    var end: UnsafeMutablePointer<CChar>?
    errno = 0
    let value = text.withUnsafeBufferPointer { buffer -> Number in
      #if arch(x86_64) && os(Linux)
      strtold(buffer.baseAddress!, &end)
      #else
      strtod(buffer.baseAddress!, &end)
      #endif
    }
    guard let end, end.pointee == 0, !value.isNaN else { return nil }
    if errno == ERANGE && (value.isInfinite || value == 0) { return nil }
    return value
  }

  static func format(_ value: Number) -> [UInt8] {
    var buffer = [CChar](repeating: 0, count: 5 * 1_024)
    let length = withVaList([value]) { arguments in
      #if arch(x86_64) && os(Linux)
      vsnprintf(&buffer, buffer.count, "%.17Lf", arguments)
      #else
      vsnprintf(&buffer, buffer.count, "%.17f", arguments)
      #endif
    }
    var text = buffer[..<Int(max(0, min(length, Int32(buffer.count - 1))))].map { UInt8(bitPattern: $0) }
    if text.contains(UInt8(ascii: ".")) {
      while text.last == UInt8(ascii: "0") { text.removeLast() }
      if text.last == UInt8(ascii: ".") { text.removeLast() }
    }
    return text == Array("-0".utf8) ? [UInt8(ascii: "0")] : text
  }
}
