/// An EX, PX, EXAT or PXAT option and its amount, turned into a deadline by Redis's rules
/// (t_string.c getExpireMillisecondsOrReply).
struct ExpiryOption {
  enum Unit {
    case seconds, milliseconds, unixSeconds, unixMilliseconds

    init?(_ word: [UInt8]) {
      if word.isKeyword("EX") {
        self = .seconds
      } else if word.isKeyword("PX") {
        self = .milliseconds
      } else if word.isKeyword("EXAT") {
        self = .unixSeconds
      } else if word.isKeyword("PXAT") {
        self = .unixMilliseconds
      } else {
        return nil
      }
    }
  }

  enum Failure: Error {
    /// Not an integer: `value is not an integer or out of range`.
    case notInteger
    /// Zero, negative or overflowing: `invalid expire time in '...' command`.
    case invalid
  }

  let unit: Unit
  let amount: [UInt8]

  func deadline(now: Int64) -> Result<Int64, Failure> {
    guard var milliseconds = RedisInteger.parse(amount) else { return .failure(.notInteger) }
    guard milliseconds > 0 else { return .failure(.invalid) }
    if unit == .seconds || unit == .unixSeconds {
      guard milliseconds <= Int64.max / 1_000 else { return .failure(.invalid) }
      milliseconds *= 1_000
    }
    if unit == .seconds || unit == .milliseconds {
      guard milliseconds <= Int64.max - now else { return .failure(.invalid) }
      milliseconds += now
    }
    return .success(milliseconds)
  }
}
