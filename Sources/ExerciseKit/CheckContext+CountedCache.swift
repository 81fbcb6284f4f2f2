import CacheKit

extension CheckContext {
  /// The check's cache itself, with every call counted in `cacheCalls`: how a check tells whether the
  /// learner's code reached the shared cache. It runs through no relay, so it works with any server
  /// list, and it never goes down.
  public func countedCache() -> any Cache {
    OutageCache(cache, outage: outage, failsWhileDown: false)
  }
}
