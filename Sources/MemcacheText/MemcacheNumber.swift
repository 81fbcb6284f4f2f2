/// Numbers as memcached reads them (util.c safe_strtoul, safe_strtol, safe_strtoull): C's strto*
/// rules (leading whitespace and a sign allowed, the whole token consumed or followed by whitespace),
/// with memcached's own checks.
public enum MemcacheNumber {
  /// An unsigned 32-bit value such as flags: read as an unsigned long, then cut to its low 32 bits,
  /// as memcached stores it on a 64-bit machine.
  public static func uint32(_ token: [UInt8]) -> UInt32? {
    uint64(token).map { UInt32(truncatingIfNeeded: $0) }
  }

  /// A signed 32-bit value such as an exptime or a length: read as a C long (an overflow is refused),
  /// then cut to its low 32 bits, as memcached's assignment does.
  public static func int32(_ token: [UInt8]) -> Int32? {
    guard let parsed = parse(token) else { return nil }
    let limit = parsed.negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
    guard parsed.magnitude <= limit else { return nil }
    let value = parsed.negative ? Int64(bitPattern: 0 &- parsed.magnitude) : Int64(parsed.magnitude)
    return Int32(truncatingIfNeeded: value)
  }

  /// An unsigned 64-bit value such as a delta or a cas unique. Like strtoull a minus sign negates, and
  /// like memcached a result that looks negative as a signed number is refused when a sign was given.
  public static func uint64(_ token: some Collection<UInt8>) -> UInt64? {
    guard let parsed = parse(token) else { return nil }
    let value = parsed.negative ? 0 &- parsed.magnitude : parsed.magnitude
    if Int64(bitPattern: value) < 0 && parsed.negative { return nil }
    return value
  }

  /// C's strtoull on `token`: optional leading whitespace, an optional sign, decimal digits; nil when
  /// there are no digits, the value overflows, or something other than whitespace follows.
  private static func parse(_ token: some Collection<UInt8>) -> (negative: Bool, magnitude: UInt64)? {
    var index = token.startIndex
    while index != token.endIndex && isSpace(token[index]) { index = token.index(after: index) }
    var negative = false
    if index != token.endIndex && (token[index] == UInt8(ascii: "-") || token[index] == UInt8(ascii: "+")) {
      negative = token[index] == UInt8(ascii: "-")
      index = token.index(after: index)
    }
    var magnitude: UInt64 = 0
    var digits = 0
    while index != token.endIndex, token[index] >= 48, token[index] <= 57 {
      let (times, overflowTimes) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, overflowSum) = times.addingReportingOverflow(UInt64(token[index] - 48))
      guard !overflowTimes && !overflowSum else { return nil }
      magnitude = sum
      digits += 1
      index = token.index(after: index)
    }
    guard digits > 0 else { return nil }
    guard index == token.endIndex || isSpace(token[index]) else { return nil }
    return (negative, magnitude)
  }

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }
}
