import CacheKit
import Synchronization
import TestSupport
import Testing

/// The backends the conformance suite runs on. Every check in the suite takes one of these.
enum ConformanceBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case memory
  case file
  case redis
  /// RedisCache on a real redis-server, when one is installed.
  case realRedis
  /// MemcachedCache on our Memcached-protocol server.
  case memcached
  /// MemcachedCache on a real memcached, when one is installed.
  case realMemcached
  /// MemcachedCache spreading keys over three real memcached servers.
  case realMemcachedCluster

  var testDescription: String { rawValue }

  /// The backends this machine can run: real servers only where they are installed.
  static var available: [ConformanceBackend] {
    allCases.filter { backend in
      switch backend {
      case .realRedis: PeerServer.executable(.redis) != nil
      case .realMemcached, .realMemcachedCluster: PeerServer.executable(.memcached) != nil
      default: true
      }
    }
  }

  /// Whether this is MemcachedCache, whose server has memcached's own rules (unsigned counters,
  /// keys limited to 250 bytes).
  var isMemcached: Bool { self == .memcached || self == .realMemcached || self == .realMemcachedCluster }

  /// The backends whose time a check can move: a real memcached keeps its own clock, which no
  /// command moves, so checks of expiry leave it out (they run on our memcached server instead).
  static var timeTravelling: [ConformanceBackend] {
    available.filter { $0 != .realMemcached && $0 != .realMemcachedCluster }
  }

  /// A fresh, empty cache of this backend on a manual clock.
  func makeFixture(
    keyPrefix: String = "", version: Int = 1, defaultTimeout: ResolvedTimeout = .seconds(300),
    keyFunction: CacheKeyFunction? = nil
  ) -> CacheFixture {
    let fixture = CacheFixture(backend: self)
    fixture.cache = fixture.sibling(
      keyPrefix: keyPrefix, version: version, defaultTimeout: defaultTimeout, keyFunction: keyFunction)
    return fixture
  }
}

/// A cache under test with its clock, its warnings and its storage, which goes away with the fixture.
final class CacheFixture {
  let backend: ConformanceBackend
  let clock = ManualClock()
  let warnings = WarningCollector()
  private let directory: TemporaryDirectory?
  private let redis: RunningServer?
  private let realRedis: PeerServer?
  private let memcached: RunningServer?
  private let realMemcached: [PeerServer]
  private let storeName: String
  /// Set by `makeFixture`; the cache each check works on.
  var cache: (any Cache)!

  private static let counter = Atomic<Int>(0)

  fileprivate init(backend: ConformanceBackend) {
    self.backend = backend
    storeName = "conformance-\(Self.counter.add(1, ordering: .relaxed).newValue)"
    directory = backend == .file ? TemporaryDirectory() : nil
    redis = backend == .redis ? try! RunningServer(.forTests()) : nil
    realRedis =
      backend == .realRedis ? try! PeerServer(.redis, executable: PeerServer.executable(.redis)!) : nil
    memcached = backend == .memcached ? try! RunningServer(memcached: .forTests()) : nil
    let realCount = backend == .realMemcached ? 1 : backend == .realMemcachedCluster ? 3 : 0
    realMemcached = (0..<realCount).map { _ in
      try! PeerServer(.memcached, executable: PeerServer.executable(.memcached)!)
    }
  }

  /// Moves time forward for the cache and, on a server backend, for the server too.
  func advance(by seconds: Double) {
    clock.advance(by: seconds)
    redis?.advance(by: seconds)
    memcached?.advance(by: seconds)
    precondition(realMemcached.isEmpty, "a real memcached's clock cannot be moved: use timeTravelling")
    if let realRedis { RawRedis(port: realRedis.port).simulateTimePassing(seconds) }
  }

  /// Another cache on the same storage and clock, as Django's test aliases `prefix`, `v2` and
  /// `custom_key` share one LOCATION.
  func sibling(
    keyPrefix: String = "", version: Int = 1, defaultTimeout: ResolvedTimeout = .seconds(300),
    keyFunction: CacheKeyFunction? = nil
  ) -> any Cache {
    let options = CacheOptions(
      keyPrefix: keyPrefix, version: version, defaultTimeout: defaultTimeout, keyFunction: keyFunction,
      clock: clock, warnings: warnings.handler)
    switch backend {
    case .memory: return MemoryCache(name: storeName, options: options)
    case .file: return FileCache(directory: directory!.path, options: options)
    case .redis: return RedisCache(location: RedisLocation(port: redis!.port), options: options)
    case .realRedis:
      return RedisCache(location: RedisLocation(port: realRedis!.port), options: options)
    case .memcached:
      return MemcachedCache(
        location: MemcachedLocation(servers: [.init(port: memcached!.port)]), options: options)
    case .realMemcached, .realMemcachedCluster:
      return MemcachedCache(
        location: MemcachedLocation(servers: realMemcached.map { .init(port: $0.port) }), options: options)
    }
  }
}

extension Array where Element == UInt8 {
  /// The UTF-8 bytes of `text`, for short literals in checks.
  static func text(_ text: String) -> [UInt8] { Array(text.utf8) }
}
