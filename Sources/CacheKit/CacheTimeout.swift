/// How long a value lives, as Django's `timeout=` argument defines it.
///
/// Omitting the argument means the cache's configured default (300 s unless set); `.never` is Django's
/// `None`; `.seconds(n)` with `n <= 0` means the value is not kept at all.
public enum CacheTimeout: Sendable, Hashable {
  /// The cache's own default timeout (Django's `DEFAULT_TIMEOUT` sentinel).
  case `default`
  /// Never expires (Django's `timeout=None`).
  case never
  /// Expires this many seconds from now; zero or less means "do not keep".
  case seconds(Double)

  /// Replaces `.default` with the cache's configured timeout.
  public func resolved(default fallback: ResolvedTimeout) -> ResolvedTimeout {
    switch self {
    case .default: fallback
    case .never: .never
    case .seconds(let seconds): .seconds(seconds)
    }
  }
}

extension CacheTimeout: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
  public init(integerLiteral value: Int) { self = .seconds(Double(value)) }
  public init(floatLiteral value: Double) { self = .seconds(value) }
}

/// A timeout with the cache's default already applied: what a backend receives.
public enum ResolvedTimeout: Sendable, Hashable {
  case never
  case seconds(Double)

  /// The absolute deadline on `clock` for backends that store one (memory, file), or nil for never.
  ///
  /// As Django's base backend does, a timeout of exactly 0 becomes -1 so that it is already past.
  public func deadline(on clock: any CacheClock) -> Double? {
    switch self {
    case .never: return nil
    case .seconds(let seconds): return clock.now() + (seconds == 0 ? -1 : seconds)
    }
  }

  /// Whether a value stored with this timeout is gone at once (0 or negative seconds).
  public var expiresImmediately: Bool {
    if case .seconds(let seconds) = self { return seconds <= 0 }
    return false
  }
}
