import CacheKit

extension CheckContext {
  /// A memory cache of this process on the check's clock, empty when first asked for: what a two-level
  /// cache keeps in front of the shared one. Each `number` is a store of its own, as another process's
  /// memory would be (a worker's are its own anyway); the same number gives the same store.
  public func localCache(_ number: Int = 0) -> any Cache {
    let cache = MemoryCache(
      name: "grade-\(name)-local-\(workerIndex.map(String.init) ?? "check")-\(number)",
      options: CacheOptions(clock: clock, warnings: .silent))
    let created = localCachesMade.withLock { made in made.insert(number).inserted }
    if created { cache.clear() }
    return cache
  }
}
