/// A cache on one or several memcached servers, issuing what Django's PyMemcacheCache issues: get,
/// set, add, touch, delete, incr/decr and flush_all, one `get k1 k2 ...` per server for getMany and
/// pipelined sets and deletes for the bulk writes. Keys go to servers by `placement`: by default as
/// Django's PyMemcacheCache places them (pymemcache's rendezvous hashing), so both can share a pool.
///
/// Django's memcached rules hold: an invalid key is an error (`keyPolicy` is `.reject`), a timeout of
/// 0 or less expires the key at once, and one over 30 days is sent as an absolute Unix time.
public final class MemcachedCache: Cache {
  public let options: CacheOptions
  public let location: MemcachedLocation
  /// Connect, send and receive timeout in seconds.
  public let socketTimeout: Double
  /// How keys are spread over the servers.
  public let placement: MemcachedPlacement
  public var keyPolicy: KeyPolicy { .reject }
  private let placer: KeyPlacer
  private let pools: [ConnectionPool<MemcachedClientConnection>]
  /// memcached reads exptimes above this many seconds as absolute Unix times.
  static let maxRelativeTimeout = 60 * 60 * 24 * 30

  public init(
    location: MemcachedLocation = MemcachedLocation(), socketTimeout: Double = 5,
    placement: MemcachedPlacement = .pymemcache, options: CacheOptions = .init()
  ) {
    self.location = location
    self.socketTimeout = socketTimeout
    self.placement = placement
    self.options = options
    placer = KeyPlacer(placement, servers: location.servers.map(\.description))
    pools = location.servers.map { _ in ConnectionPool() }
  }

  public func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    try store("add", key, value, timeout) == "STORED"
  }

  public func get(_ key: CacheKey) throws -> [UInt8]? {
    let bytes = try keyBytes(key)
    return try withConnection(to: placer.server(for: key)) { connection in
      try connection.send(Array("get ".utf8) + bytes + [13, 10])
      return try connection.readValues()[bytes]
    }
  }

  public func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    let reply = try store("set", key, value, timeout)
    guard reply == "STORED" else {
      // memcached has already dropped the old value when it refuses a new one (object too large).
      throw CacheError.backendFailure("memcached did not store '\(key.rawValue)': \(reply)")
    }
  }

  public func touch(_ key: CacheKey, timeout: ResolvedTimeout) throws -> Bool {
    try command(key, "touch \(key.rawValue) \(exptime(timeout))") == "TOUCHED"
  }

  public func delete(_ key: CacheKey) throws -> Bool {
    try command(key, "delete \(key.rawValue)") == "DELETED"
  }

  public func hasKey(_ key: CacheKey) throws -> Bool { try get(key) != nil }

  /// memcached's incr and decr: decr stops at 0, and values are unsigned 64-bit numbers.
  public func incr(_ key: CacheKey, by delta: Int) throws -> Int {
    let verb = delta < 0 ? "decr" : "incr"
    let reply = try command(key, "\(verb) \(key.rawValue) \(delta.magnitude)")
    if reply == "NOT_FOUND" { throw CacheError.keyNotFound(key.rawValue) }
    if reply.hasPrefix("CLIENT_ERROR cannot increment") { throw CacheError.notAnInteger(key.rawValue) }
    guard let value = UInt64(reply) else {
      throw MemcachedClientConnection.unexpected(Array(reply.utf8))
    }
    guard let result = Int(exactly: value) else { throw CacheError.overflow(key.rawValue) }
    return result
  }

  public func clear() throws {
    for index in location.servers.indices {
      let reply = try withConnection(to: index) { connection in
        try connection.send(Array("flush_all\r\n".utf8))
        return try connection.readLine()
      }
      guard reply == Array("OK".utf8) else { throw MemcachedClientConnection.unexpected(reply) }
    }
  }

  public func getMany(_ keys: [CacheKey]) throws -> [CacheKey: [UInt8]] {
    var found: [CacheKey: [UInt8]] = [:]
    for (server, group) in try grouped(keys) {
      let values = try withConnection(to: server) { connection in
        try connection.send(Array("get".utf8) + group.flatMap { [32] + Array($0.rawValue.utf8) } + [13, 10])
        return try connection.readValues()
      }
      for key in group { if let value = values[Array(key.rawValue.utf8)] { found[key] = value } }
    }
    return found
  }

  public func setMany(
    _ items: [(key: CacheKey, value: [UInt8])], timeout: ResolvedTimeout
  ) throws -> [CacheKey] {
    let values = Dictionary(items.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    var failed: [CacheKey] = []
    for (server, group) in try grouped(items.map(\.key)) {
      let replies = try withConnection(to: server) { connection in
        try connection.send(group.flatMap { storeRequest("set", $0, values[$0] ?? [], timeout) })
        return try group.map { _ in try connection.readLine() }
      }
      for (key, reply) in zip(group, replies) where reply != Array("STORED".utf8) { failed.append(key) }
    }
    return failed
  }

  public func deleteMany(_ keys: [CacheKey]) throws {
    for (server, group) in try grouped(keys) {
      try withConnection(to: server) { connection in
        try connection.send(group.flatMap { Array("delete \($0.rawValue)\r\n".utf8) })
        for _ in group { _ = try connection.readLine() }
      }
    }
  }

  public func close() {
    for pool in pools { pool.removeAll() }
  }

  /// Django's conversion: never is 0; 0 or less (or under a second) is -1, which expires at once; over
  /// 30 days becomes an absolute time.
  func exptime(_ timeout: ResolvedTimeout) -> Int {
    guard case .seconds(let seconds) = timeout else { return 0 }
    let whole =
      seconds.isFinite ? Int(max(min(seconds, Double(Int32.max)), Double(Int32.min))) : Int(Int32.max)
    if whole == 0 { return -1 }
    return whole > Self.maxRelativeTimeout ? whole + Int(options.clock.now()) : whole
  }

  private func storeRequest(
    _ verb: String, _ key: CacheKey, _ value: [UInt8], _ timeout: ResolvedTimeout
  )
    -> [UInt8]
  {
    Array("\(verb) \(key.rawValue) 0 \(exptime(timeout)) \(value.count)\r\n".utf8) + value + [13, 10]
  }

  /// A storage command's reply line.
  private func store(
    _ verb: String, _ key: CacheKey, _ value: [UInt8], _ timeout: ResolvedTimeout
  ) throws
    -> String
  {
    try withConnection(to: serverIndex(for: key)) { connection in
      try connection.send(storeRequest(verb, key, value, timeout))
      return String(decoding: try connection.readLine(), as: UTF8.self)
    }
  }

  /// A one-line command's reply line; ERROR and SERVER_ERROR replies become failures.
  private func command(_ key: CacheKey, _ line: String) throws -> String {
    let reply = try withConnection(to: serverIndex(for: key)) { connection in
      try connection.send(Array((line + "\r\n").utf8))
      return String(decoding: try connection.readLine(), as: UTF8.self)
    }
    if reply == "ERROR" || reply.hasPrefix("SERVER_ERROR") {
      throw CacheError.backendFailure("memcached: \(reply)")
    }
    return reply
  }

  /// The server that holds `key` (made into a final key with the cache's prefix and `version`), as
  /// Django's PyMemcacheCache would pick it under the default placement.
  public func server(for key: String, version: Int? = nil) throws -> MemcachedLocation.Server {
    let index = try serverIndex(for: makeKey(key, version: version))
    return location.servers[index]
  }

  /// The index of the server that holds `key`, once the key is known to fit memcached's limit.
  private func serverIndex(for key: CacheKey) throws -> Int {
    _ = try keyBytes(key)
    return placer.server(for: key)
  }

  /// The key as memcached receives it. Keys are checked by characters before they get here; memcached
  /// counts bytes, so a key of 250 characters can still be too long in UTF-8 (pymemcache refuses it too).
  private func keyBytes(_ key: CacheKey) throws -> [UInt8] {
    let bytes = Array(key.rawValue.utf8)
    guard bytes.count <= 250 else {
      throw CacheError.invalidKey(
        "Cache key will cause errors if used with memcached: \(key.rawValue) is \(bytes.count) bytes in UTF-8 "
          + "(the limit is 250)")
    }
    return bytes
  }

  /// The keys by server, each group in the order given.
  private func grouped(_ keys: [CacheKey]) throws -> [(Int, [CacheKey])] {
    var groups: [Int: [CacheKey]] = [:]
    for key in keys { groups[try serverIndex(for: key), default: []].append(key) }
    return groups.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  func withConnection<T>(to server: Int, _ body: (MemcachedClientConnection) throws -> T) throws -> T {
    try pools[server].withConnection(
      open: {
        try MemcachedClientConnection(server: location.servers[server], timeoutSeconds: socketTimeout)
      },
      body)
  }
}
