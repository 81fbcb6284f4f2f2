/// Integers stored as decimal ASCII text, the form Redis's INCRBY and memcached's incr work on.
public enum DecimalInteger {
  /// The value of `bytes` when they are an optional `-` and 1 to 19 digits that fit in an `Int`.
  public static func parse(_ bytes: [UInt8]) -> Int? {
    var index = 0
    var negative = false
    if bytes.first == UInt8(ascii: "-") {
      negative = true
      index = 1
    }
    guard index < bytes.count, bytes.count - index <= 19 else { return nil }
    var magnitude: UInt64 = 0
    while index < bytes.count {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      magnitude = magnitude * 10 + UInt64(digit)
      index += 1
    }
    if negative {
      guard magnitude <= UInt64(Int.max) + 1 else { return nil }
      return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
    }
    guard magnitude <= UInt64(Int.max) else { return nil }
    return Int(magnitude)
  }

  /// The decimal text of `value`.
  public static func format(_ value: Int) -> [UInt8] { Array(String(value).utf8) }

  /// `stored + delta` as `incr` computes it, with the errors it reports.
  public static func increment(_ stored: [UInt8], by delta: Int, key: CacheKey) throws -> Int {
    guard let current = parse(stored) else { throw CacheError.notAnInteger(key.rawValue) }
    let (sum, overflow) = current.addingReportingOverflow(delta)
    if overflow { throw CacheError.overflow(key.rawValue) }
    return sum
  }
}
