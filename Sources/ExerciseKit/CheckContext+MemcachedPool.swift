import CacheKit

extension CheckContext {
  /// A cache on a pool of two memcached servers, the check's server and a second one of the
  /// course's, emptied first: keys spread over both by hashing, and each server counts only its
  /// own. Skips the check on other backends and when the learner named a real server.
  public func memcachedPoolOfTwo() throws -> any Cache {
    guard backend == .memcached else {
      throw CheckSkipped(reason: "needs a pool of memcached servers")
    }
    guard let first = servers.memcached?.servers.first, let second = servers.secondMemcached else {
      throw CheckSkipped(reason: "needs a second memcached server, which only the course's own servers have")
    }
    let pool = MemcachedCache(
      location: MemcachedLocation(servers: [first, second]),
      options: CacheOptions(clock: clock, warnings: .silent))
    try pool.clear()
    return pool
  }
}
