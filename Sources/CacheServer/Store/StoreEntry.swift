/// One stored value with what both front ends keep beside it.
public struct StoreEntry: Sendable {
  /// Milliseconds since the Unix epoch after which the entry is gone; `StoreEntry.never` for no expiry.
  public var expiresAt: Int64
  public var value: [UInt8]
  /// memcached's opaque client flags.
  public var flags: UInt32
  /// memcached's compare-and-swap token, new on every change.
  public var cas: UInt64
  /// memcached's meta-protocol state: see `MetaState`. Kept in what would otherwise be padding.
  public var meta: MetaState = MetaState()

  public static let never = Int64.max

  public init(value: [UInt8], expiresAt: Int64 = StoreEntry.never, flags: UInt32 = 0, cas: UInt64 = 0) {
    self.value = value
    self.expiresAt = expiresAt
    self.flags = flags
    self.cas = cas
  }

  /// What memcached's meta commands report and use per item: the last access in whole seconds since
  /// the server started (27 bits) and five flags, packed into 32 bits.
  public struct MetaState: Sendable, Equatable {
    public var rawValue: UInt32 = 0

    public init() {}

    /// Read since it was last moved up the LRU list: eviction gives it a second chance.
    public static let active: UInt32 = 1 << 27
    public static let fetched: UInt32 = 1 << 28
    public static let tokenSent: UInt32 = 1 << 29
    public static let stale: UInt32 = 1 << 30
    public static let binaryKey: UInt32 = 1 << 31

    public var lastAccess: UInt32 {
      get { rawValue & 0x07FF_FFFF }
      set { rawValue = (rawValue & 0xF800_0000) | (newValue & 0x07FF_FFFF) }
    }

    public func contains(_ flag: UInt32) -> Bool { rawValue & flag != 0 }
    public mutating func insert(_ flag: UInt32) { rawValue |= flag }
    public mutating func remove(_ flag: UInt32) { rawValue &= ~flag }
  }

  public var hasExpiry: Bool { expiresAt != Self.never }

  public func isExpired(at now: Int64) -> Bool { expiresAt <= now }
}
