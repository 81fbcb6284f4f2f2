import CacheKit
import Synchronization

/// What a check works with: a fresh cache on the backend under test, a fresh slow database, and a clock
/// that moves the cache's time, the servers' included.
public final class CheckContext: Sendable {
  public let backend: Backend
  /// The cache under test, empty at the start of the check.
  public let cache: any Cache
  public let database: SlowDatabase
  /// Which worker this is, from 0, in a worker process; nil in the check itself.
  public let workerIndex: Int?
  let clock: ManualClock
  let servers: ServerSettings
  let files: String
  let checkIndex: Int
  let token: String
  /// The check's store and folder name: shared by the check and its workers, apart from other checks.
  let name: String
  /// The switch of `cacheThatCanGoDown()`: its relays, whether it is down, its calls and failures.
  let outage = CacheOutage()
  /// Whether the clock was set to the memcached server's to the millisecond (see `sendTraffic`).
  let alignedWithServer = Atomic(false)
  /// The numbers of the local caches `localCache(_:)` has handed out, each emptied once when first made.
  let localCachesMade = Mutex<Set<Int>>([])

  /// A check's context starts with an empty cache; a worker's shares the check's data and keeps it.
  init(
    backend: Backend, checkIndex: Int, servers: ServerSettings, files: String, token: String,
    workerIndex: Int? = nil, clockStart: Double = 1_800_000_000
  ) throws {
    self.token = token
    self.backend = backend
    self.checkIndex = checkIndex
    self.servers = servers
    self.files = files
    self.workerIndex = workerIndex
    name = "check\(checkIndex)"
    // memcached reads a timeout over 30 days as a Unix time, which the client works out from its own
    // clock: a check starts where the server's test clock stands, so both agree on "now".
    let start =
      workerIndex == nil && backend == .memcached && servers.clock
      ? Self.memcachedTime(servers) ?? clockStart : clockStart
    clock = ManualClock(start: start)
    database = SlowDatabase(clock: clock)
    cache = try Self.makeCache(
      backend, name: name, clock: clock, servers: servers, files: files,
      process: workerIndex ?? 0)
    if workerIndex == nil { try cache.clear() }
  }

  /// The time a memcached server's (test) clock shows, from its stats; nil when it cannot be read.
  static func memcachedTime(_ servers: ServerSettings) -> Double? {
    guard let server = servers.memcached?.servers.first,
      let stats = try? LineExchange.send("stats", host: server.host, port: server.port, until: "END\r\n")
    else { return nil }
    let line = stats.split(separator: "\r\n").first { $0.hasPrefix("STAT time ") }
    return line.flatMap { Double($0.dropFirst("STAT time ".count)) }
  }

  /// The current time of the check's clock, in Unix seconds.
  public var now: Double { clock.now() }

  /// A second cache as another process of the same site would have it: for memory, a separate store
  /// (local memory is per process); for the file and server backends, the same shared data.
  public func cacheOfAnotherProcess(_ number: Int = 1) throws -> any Cache {
    try Self.makeCache(backend, name: name, clock: clock, servers: servers, files: files, process: number)
  }

  /// Moves time forward by seconds for every cache of the check, the servers' included, without sleeping.
  public func advance(seconds: Double) throws {
    try advanceServers(milliseconds: Int((seconds * 1000).rounded()))
    clock.advance(by: seconds)
  }

  /// Moves the servers' test clocks forward (nothing on memory and file, which have no server).
  func advanceServers(milliseconds: Int) throws {
    guard backend.isServer else { return }
    guard servers.clock else {
      throw CheckSkipped(
        reason: "moves time by \(Double(milliseconds) / 1000) s, which a real server's clock cannot do")
    }
    let addresses =
      backend == .redis
      ? servers.redis.map { [($0.host, $0.port)] } ?? []
      : ((servers.memcached?.servers ?? []) + (servers.secondMemcached.map { [$0] } ?? []))
        .map { ($0.host, $0.port) }
    guard !addresses.isEmpty else {
      throw CheckSkipped(reason: "no \(backend.rawValue) server was given")
    }
    let command = backend == .redis ? "ADVANCECLOCK" : "advanceclock"
    for (host, port) in addresses {
      let reply = try LineExchange.send("\(command) \(milliseconds)", host: host, port: port)
      guard reply == "+OK" || reply == "OK" else {
        throw CacheError.backendFailure(
          "the \(backend.rawValue) server refused to move its clock: \(reply)")
      }
    }
  }

  static func makeCache(
    _ backend: Backend, name: String, clock: ManualClock, servers: ServerSettings, files: String, process: Int
  ) throws -> any Cache {
    let options = CacheOptions(clock: clock, warnings: .silent)
    switch backend {
    case .memory:
      return MemoryCache(name: "grade-\(name)-process-\(process)", options: options)
    case .file:
      return FileCache(directory: files + "/" + name, options: options)
    case .redis:
      guard let location = servers.redis else { throw CheckSkipped(reason: "no Redis server was given") }
      return RedisCache(location: location, options: options)
    case .memcached:
      guard let location = servers.memcached else {
        throw CheckSkipped(reason: "no memcached server was given")
      }
      return MemcachedCache(location: location, options: options)
    }
  }
}

/// Where the servers of a run are, and whether their clocks can be moved.
struct ServerSettings: Sendable {
  var redis: RedisLocation?
  var memcached: MemcachedLocation?
  /// A second memcached server of the course's own, for `memcachedPoolOfTwo()`.
  var secondMemcached: MemcachedLocation.Server? = nil
  var clock: Bool
}
