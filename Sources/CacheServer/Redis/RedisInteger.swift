import RESP

/// Redis's strict integer parsing (util.c string2ll, shared with the RESP decoder) and formatting.
enum RedisInteger {
  static func parse(_ bytes: [UInt8]) -> Int64? { RESPNumber.parse(bytes[...]) }

  /// Decimal ASCII of `value`, for values stored by INCR.
  static func format(_ value: Int64) -> [UInt8] {
    var magnitude = value.magnitude
    var digits: [UInt8] = []
    digits.reserveCapacity(20)
    repeat {
      digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    if value < 0 { digits.append(UInt8(ascii: "-")) }
    digits.reverse()
    return digits
  }
}
