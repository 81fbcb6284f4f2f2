/// One stored value with what both front ends keep beside it.
public struct StoreEntry: Sendable {
  /// Milliseconds since the Unix epoch after which the entry is gone; `StoreEntry.never` for no expiry.
  public var expiresAt: Int64
  public var value: [UInt8]
  /// memcached's opaque client flags.
  public var flags: UInt32
  /// memcached's compare-and-swap token, new on every change.
  public var cas: UInt64

  public static let never = Int64.max

  public init(value: [UInt8], expiresAt: Int64 = StoreEntry.never, flags: UInt32 = 0, cas: UInt64 = 0) {
    self.value = value
    self.expiresAt = expiresAt
    self.flags = flags
    self.cas = cas
  }

  public var hasExpiry: Bool { expiresAt != Self.never }

  public func isExpired(at now: Int64) -> Bool { expiresAt <= now }
}
