import CacheKit

extension CheckContext {
  /// The check's cache (the same data as `cache`) reached through a switch the check controls:
  /// `takeCacheServerDown()` makes every call fail as calls to a server that went away do, and
  /// `bringCacheServerBack()` ends the outage. On Redis and memcached the connection runs through a
  /// relay that cuts connections and refuses new ones while down; on memory and file, which have no
  /// server, the cache itself throws `CacheError.backendFailure` while down. Calls made before the
  /// first use are not counted. Its socket timeout is socketTimeout seconds.
  public func cacheThatCanGoDown(socketTimeout: Double = 0.5) throws -> any Cache {
    let options = CacheOptions(clock: clock, warnings: .silent)
    let base: any Cache
    switch backend {
    case .memory, .file:
      base = try Self.makeCache(
        backend, name: name, clock: clock, servers: servers, files: files, process: workerIndex ?? 0)
    case .redis:
      guard let location = servers.redis else { throw CheckSkipped(reason: "no Redis server was given") }
      let relay = try CacheServerRelay(toHost: location.host, port: location.port)
      outage.add(relay)
      var relayed = location
      relayed.host = "127.0.0.1"
      relayed.port = relay.port
      base = RedisCache(location: relayed, socketTimeout: socketTimeout, options: options)
    case .memcached:
      guard let location = servers.memcached else {
        throw CheckSkipped(reason: "no memcached server was given")
      }
      // Keys are placed by the servers' addresses, and the relays' differ from the servers': with
      // several servers this cache and `cache` would look for a key on different servers.
      guard location.servers.count == 1 else {
        throw CheckSkipped(reason: "a cache that can go down is made for one memcached server only")
      }
      var servers: [MemcachedLocation.Server] = []
      for server in location.servers {
        let relay = try CacheServerRelay(toHost: server.host, port: server.port)
        outage.add(relay)
        servers.append(MemcachedLocation.Server(host: "127.0.0.1", port: relay.port))
      }
      base = MemcachedCache(
        location: MemcachedLocation(servers: servers), socketTimeout: socketTimeout, options: options)
    }
    return OutageCache(base, outage: outage, failsWhileDown: !backend.isServer)
  }

  /// Takes the cache server of `cacheThatCanGoDown()` away: open connections are cut and new ones
  /// refused (on memory and file, every call throws) until `bringCacheServerBack()`.
  public func takeCacheServerDown() {
    outage.takeDown()
  }

  /// Ends the outage: the server takes connections again, with its data as it was.
  public func bringCacheServerBack() throws {
    try outage.bringBack()
  }

  /// Whether the check has taken the cache server down.
  public var cacheServerIsDown: Bool { outage.isDown }

  /// How many calls of `cacheThatCanGoDown()` and `countedCache()` caches were made so far.
  public var cacheCalls: Int { outage.calls }

  /// How many calls of `cacheThatCanGoDown()` caches failed to reach the store (threw
  /// `CacheError.backendFailure`).
  public var failedCacheCalls: Int { outage.failures }

  /// Ends the check: closes its cache and every relay.
  func finish() {
    try? cache.close()
    outage.close()
  }
}
