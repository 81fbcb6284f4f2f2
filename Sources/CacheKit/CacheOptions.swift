/// What every backend shares, as Django's BaseCache holds it: key prefix, version, key function,
/// default timeout, the clock and the key-warning handler.
public struct CacheOptions: Sendable {
  /// The timeout used when neither the call nor the configuration names one (Django's 300 s).
  public static let standardTimeout: Double = 300

  /// Put in front of every key (Django's KEY_PREFIX); empty by default.
  public var keyPrefix: String { didSet { keyHead = Self.head(keyPrefix, version) } }
  /// The version used when a call names none (Django's VERSION); 1 by default.
  public var version: Int { didSet { keyHead = Self.head(keyPrefix, version) } }
  /// The timeout used when a call passes `.default`.
  public var defaultTimeout: ResolvedTimeout
  /// Replaces `prefix:version:key` when set (Django's KEY_FUNCTION).
  public var keyFunction: CacheKeyFunction?
  /// Where expiry reads the time.
  public var clock: any CacheClock
  /// Where key warnings go.
  public var warnings: CacheWarningHandler

  private var keyHead: String

  public init(
    keyPrefix: String = "", version: Int = 1, defaultTimeout: ResolvedTimeout = .seconds(standardTimeout),
    keyFunction: CacheKeyFunction? = nil, clock: any CacheClock = SystemClock(),
    warnings: CacheWarningHandler = .printOncePerPattern
  ) {
    self.keyPrefix = keyPrefix
    self.version = version
    self.defaultTimeout = defaultTimeout
    self.keyFunction = keyFunction
    self.clock = clock
    self.warnings = warnings
    self.keyHead = Self.head(keyPrefix, version)
  }

  /// The final key for `key` at `version` (the cache's own version when nil), not yet validated.
  public func makeKey(_ key: String, version: Int? = nil) -> CacheKey {
    if let keyFunction { return CacheKey(keyFunction(key, keyPrefix, version ?? self.version)) }
    if let version, version != self.version { return CacheKey(Self.head(keyPrefix, version) + key) }
    return CacheKey(keyHead + key)
  }

  /// Applies the cache's default to a call's timeout.
  public func resolve(_ timeout: CacheTimeout) -> ResolvedTimeout {
    timeout.resolved(default: defaultTimeout)
  }

  private static func head(_ prefix: String, _ version: Int) -> String { "\(prefix):\(version):" }
}
