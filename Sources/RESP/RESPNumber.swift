/// Redis's strict decimal parsing (string2ll): an optional `-`, digits, no `+`, no spaces, no leading
/// zeros except `0` itself, within Int64.
public enum RESPNumber {
  public static func parse(_ bytes: ArraySlice<UInt8>) -> Int64? {
    guard let first = bytes.first, bytes.count <= 20 else { return nil }
    if bytes.count == 1 && first == UInt8(ascii: "0") { return 0 }
    var index = bytes.startIndex
    let negative = first == UInt8(ascii: "-")
    if negative { index += 1 }
    guard index < bytes.endIndex, bytes[index] != UInt8(ascii: "0") else { return nil }
    var magnitude: UInt64 = 0
    while index < bytes.endIndex {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      let (times, overflowTimes) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, overflowSum) = times.addingReportingOverflow(UInt64(digit))
      guard !overflowTimes, !overflowSum else { return nil }
      magnitude = sum
      index += 1
    }
    if negative {
      guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
      return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
    }
    return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
  }
}
