import CacheKit
import ExerciseKit
import Synchronization

/// How requests took a lock: any key besides the posts that an `add` stored or a `set` wrote.
struct LockTakes: Codable, Sendable {
  /// Adds that stored the key: each one a request that won the lock.
  var added = 0
  /// Sets of it: a lock taken by writing it, which any number of requests can do at once.
  var written = 0
  /// The timeout of the latest take, in seconds; nil when none was taken or it never expires.
  var seconds: Double?
  /// The keys taken as a lock, so that a key per request shows.
  var keys: Set<String> = []

  var total: Int { added + written }

  static func + (left: Self, right: Self) -> Self {
    Self(
      added: left.added + right.added, written: left.written + right.written,
      seconds: [left.seconds, right.seconds].compactMap { $0 }.min(),
      keys: left.keys.union(right.keys))
  }
}

/// The check's cache, watched: how the requests took the lock.
final class LockWatch: ForwardingCache {
  let store: any Cache
  let takes = Mutex(LockTakes())

  init(_ store: any Cache) { self.store = store }

  private func took(_ key: CacheKey, timeout: ResolvedTimeout, added: Bool) {
    guard !key.rawValue.hasSuffix(":" + postsKey) else { return }
    takes.withLock { takes in
      if added { takes.added += 1 } else { takes.written += 1 }
      takes.keys.insert(key.rawValue)
      if case .seconds(let seconds) = timeout { takes.seconds = seconds } else { takes.seconds = nil }
    }
  }

  func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    let added = try store.add(key, value, timeout: timeout)
    if added { took(key, timeout: timeout, added: true) }
    return added
  }
  func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    try store.set(key, value, timeout: timeout)
    took(key, timeout: timeout, added: false)
  }
}

/// The cache as a request sees it while another request finishes the report: just before the
/// request's first attempt to take the lock, the other request stores the posts and lets its lock
/// go, so the lock is free and the posts are there.
final class CacheRacedAhead: ForwardingCache {
  let store: any Cache
  /// Whether the request tried an add, so the other request got ahead of it.
  let raced = Mutex(false)

  init(_ store: any Cache) { self.store = store }

  func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    let first = raced.withLock { raced in
      defer { raced = true }
      return !raced && !key.rawValue.hasSuffix(":" + postsKey)
    }
    if first { try store.set(postsKey, SlowDatabase().topPosts(), timeout: 300) }
    return try store.add(key, value, timeout: timeout)
  }
}

/// Why `queries` reports ran where one should have, read from how the requests took the lock.
func whyTooManyReports(queries: Int, takes: LockTakes, backend: Backend) -> String {
  let ran = "\(queries) requests ran the report"
  if takes.total == 0 {
    return ran + ", and none of them took a lock in the cache. A lock in the process (NSLock, "
      + "a mutex) stops only that process's requests: take it with cache.add(\"\(lockKey)\", "
      + "true, timeout: 1), so that every process sees it and exactly one request gets true."
  }
  if takes.keys.count > 1 {
    return ran + ", and the lock was taken under \(takes.keys.count) different keys: a key of "
      + "its own for each request is never found taken. Every request must add the same key, "
      + "\"\(lockKey)\", so that only one of them gets true."
  }
  if takes.written > 0 {
    return ran + ": the lock was taken with set, so every request that read no lock wrote it "
      + "and went on to run the report. Take it with cache.add, which stores only when the key "
      + "is absent, so exactly one request gets true."
  }
  if let seconds = takes.seconds, seconds < 1, backend.isServer {
    return ran + ": the lock was taken with timeout: \(seconds). Django's Redis and memcached "
      + "backends cut a timeout to whole seconds, so it became 0 and the lock was gone the "
      + "moment it was taken: every request won it. Use timeout: 1."
  }
  if queries > takes.added {
    return ran + " but only \(takes.added) won the lock: requests that lost it ran the report "
      + "anyway (a wait that gives up, or a fallback after a fixed time). A request that gets "
      + "false must only wait: read the posts, try the add again, sleep a little, and go round."
  }
  return ran + ", and the lock was won \(takes.added) times: it was free again while the posts "
    + "were still missing. Delete it only after the posts are stored"
    + ((takes.seconds ?? 1) < 1 ? ", give it timeout: 1" : "")
    + ", and look at the posts once more after winning it: a request that missed just before "
    + "they were stored can win the lock just after it was deleted."
}

/// The cache as a request sees it whose process dies right after it takes the lock: the call that
/// takes the lock reaches the store, and nothing after it does (every later call throws).
final class CacheOfDyingHolder: Cache {
  struct Died: Error, CustomStringConvertible {
    var description: String { "the process died" }
  }

  let store: any Cache
  /// The lock key and timeout the request took, once it has taken one.
  let taken = Mutex<(key: String, timeout: ResolvedTimeout)?>(nil)

  init(_ store: any Cache) { self.store = store }

  private func alive() throws {
    if taken.withLock({ $0 != nil }) { throw Died() }
  }

  var options: CacheOptions { store.options }
  var keyPolicy: KeyPolicy { store.keyPolicy }
  func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    try alive()
    let added = try store.add(key, value, timeout: timeout)
    if added { taken.withLock { $0 = (key.rawValue, timeout) } }
    return added
  }
  func get(_ key: CacheKey) throws -> [UInt8]? {
    try alive()
    return try store.get(key)
  }
  func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    try alive()
    try store.set(key, value, timeout: timeout)
    if !key.rawValue.hasSuffix(":" + postsKey) { taken.withLock { $0 = (key.rawValue, timeout) } }
  }
  func touch(_ key: CacheKey, timeout: ResolvedTimeout) throws -> Bool {
    try alive()
    return try store.touch(key, timeout: timeout)
  }
  func delete(_ key: CacheKey) throws -> Bool {
    try alive()
    return try store.delete(key)
  }
  func hasKey(_ key: CacheKey) throws -> Bool {
    try alive()
    return try store.hasKey(key)
  }
  func incr(_ key: CacheKey, by delta: Int) throws -> Int {
    try alive()
    return try store.incr(key, by: delta)
  }
  func clear() throws {
    try alive()
    try store.clear()
  }
}
