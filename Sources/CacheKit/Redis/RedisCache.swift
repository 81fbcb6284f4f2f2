import Glibc
import RESP
import Synchronization

/// A cache on a Redis-protocol server, issuing what Django's RedisCache issues: SET with EX and NX, MGET,
/// DEL, EXISTS then INCRBY, EXPIRE or PERSIST for touch, a MULTI/EXEC pipeline for setMany, FLUSHDB.
///
/// With several servers (Django's LOCATION as a list), it routes as Django's RedisCache does: the
/// first is the leader and takes every write (`clear` included), and each read (`get`, `getMany`,
/// `hasKey`) goes to one of the others, picked at random, as to read replicas. Keeping the replicas
/// in step is Redis replication's job; a read right after a write may not see it yet.
///
/// With `ignoreErrors`, a server that cannot be reached reads as misses and writes as no-ops, with one
/// warning on standard error: the graceful degradation a cache in front of a database should have.
public final class RedisCache: Cache {
  public let options: CacheOptions
  /// The servers, in LOCATION order: the first takes writes, the others (if any) serve reads.
  public let locations: [RedisLocation]
  /// The first server, which takes every write.
  public var location: RedisLocation { locations[0] }
  /// Connect, send and receive timeout in seconds.
  public let socketTimeout: Double
  public let ignoreErrors: Bool
  private let pools: [ConnectionPool<RedisClientConnection>]
  private let warnedUnavailable = Atomic<Bool>(false)

  /// A cache on one server.
  public convenience init(
    location: RedisLocation = RedisLocation(), socketTimeout: Double = 5, ignoreErrors: Bool = false,
    options: CacheOptions = .init()
  ) {
    self.init(
      locations: [location], socketTimeout: socketTimeout, ignoreErrors: ignoreErrors, options: options)
  }

  /// A cache on a leader and its read replicas: writes go to `locations[0]`, reads to one of the
  /// others at random (to the first too when it is the only one). `locations` must not be empty.
  public init(
    locations: [RedisLocation], socketTimeout: Double = 5, ignoreErrors: Bool = false,
    options: CacheOptions = .init()
  ) {
    precondition(!locations.isEmpty, "RedisCache needs at least one server")
    self.locations = locations
    self.socketTimeout = socketTimeout
    self.ignoreErrors = ignoreErrors
    self.options = options
    pools = locations.map { _ in ConnectionPool() }
  }

  public func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    try degrading(to: false) {
      guard let seconds = Self.seconds(timeout) else {
        return try sendWrite(["SET", .text(key.rawValue), .bytes(value), "NX"]) != .null
      }
      if seconds == 0 {
        let stored = try sendWrite(["SET", .text(key.rawValue), .bytes(value), "NX"]) != .null
        if stored { _ = try sendWrite(["DEL", .text(key.rawValue)]) }
        return stored
      }
      return try sendWrite(["SET", .text(key.rawValue), .bytes(value), "EX", .text(String(seconds)), "NX"])
        != .null
    }
  }

  public func get(_ key: CacheKey) throws -> [UInt8]? {
    try degrading(to: nil) { try sendRead(["GET", .text(key.rawValue)]).bytes }
  }

  public func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    try degrading(to: ()) {
      switch Self.seconds(timeout) {
      case nil: _ = try sendWrite(["SET", .text(key.rawValue), .bytes(value)])
      case 0?: _ = try sendWrite(["DEL", .text(key.rawValue)])
      case let seconds?:
        _ = try sendWrite(["SET", .text(key.rawValue), .bytes(value), "EX", .text(String(seconds))])
      }
    }
  }

  public func touch(_ key: CacheKey, timeout: ResolvedTimeout) throws -> Bool {
    try degrading(to: false) {
      guard let seconds = Self.seconds(timeout) else {
        return try sendWrite(["PERSIST", .text(key.rawValue)]) == .integer(1)
      }
      return try sendWrite(["EXPIRE", .text(key.rawValue), .text(String(seconds))]) == .integer(1)
    }
  }

  public func delete(_ key: CacheKey) throws -> Bool {
    try degrading(to: false) { try sendWrite(["DEL", .text(key.rawValue)]) == .integer(1) }
  }

  public func hasKey(_ key: CacheKey) throws -> Bool {
    try degrading(to: false) { try sendRead(["EXISTS", .text(key.rawValue)]) == .integer(1) }
  }

  /// EXISTS then INCRBY, both on the first server, as Django does.
  public func incr(_ key: CacheKey, by delta: Int) throws -> Int {
    let exists = try degrading(to: false) { try sendWrite(["EXISTS", .text(key.rawValue)]) == .integer(1) }
    guard exists else { throw CacheError.keyNotFound(key.rawValue) }
    let reply = try sendWrite(["INCRBY", .text(key.rawValue), .text(String(delta))])
    guard case .integer(let value) = reply else { throw CacheError.keyNotFound(key.rawValue) }
    return Int(value)
  }

  /// FLUSHDB on the first server only, as Django does; replicas follow by replication.
  public func clear() throws {
    try degrading(to: ()) { _ = try sendWrite(["FLUSHDB"]) }
  }

  public func getMany(_ keys: [CacheKey]) throws -> [CacheKey: [UInt8]] {
    guard !keys.isEmpty else { return [:] }
    return try degrading(to: [:]) {
      guard case .array(let values) = try sendRead(["MGET"] + keys.map { .text($0.rawValue) }) else {
        return [:]
      }
      var found: [CacheKey: [UInt8]] = [:]
      for (key, value) in zip(keys, values) { if let bytes = value.bytes { found[key] = bytes } }
      return found
    }
  }

  public func setMany(
    _ items: [(key: CacheKey, value: [UInt8])], timeout: ResolvedTimeout
  ) throws -> [CacheKey] {
    guard !items.isEmpty else { return [] }
    return try degrading(to: items.map(\.key)) {
      var commands: [[Argument]] = [
        ["MULTI"], ["MSET"] + items.flatMap { [.text($0.key.rawValue), .bytes($0.value)] },
      ]
      if let seconds = Self.seconds(timeout) {
        commands += items.map { ["EXPIRE", .text($0.key.rawValue), .text(String(seconds))] }
      }
      commands.append(["EXEC"])
      let replies = try withConnection(to: 0) { try $0.pipeline(commands.map { $0.map(\.bytes) }) }
      if case .error(let message)? = replies.last {
        throw CacheError.backendFailure(String(decoding: message, as: UTF8.self))
      }
      return []
    }
  }

  public func deleteMany(_ keys: [CacheKey]) throws {
    guard !keys.isEmpty else { return }
    try degrading(to: ()) { _ = try sendWrite(["DEL"] + keys.map { .text($0.rawValue) }) }
  }

  public func close() {
    for pool in pools { pool.removeAll() }
  }

  /// Django's conversion: never stays never; anything else becomes whole seconds, at least 0.
  static func seconds(_ timeout: ResolvedTimeout) -> Int? {
    guard case .seconds(let seconds) = timeout else { return nil }
    return seconds.isFinite ? max(0, Int(min(seconds, Double(Int32.max)))) : Int(Int32.max)
  }

  /// Django's choice of server for a read: the only one, or one of those after the first at random.
  var readServer: Int { locations.count == 1 ? 0 : Int.random(in: 1..<locations.count) }

  /// One command on the first server, which takes every write.
  private func sendWrite(_ arguments: [Argument]) throws -> RESPValue { try run(arguments, on: 0) }

  /// One command on a server picked for a read.
  private func sendRead(_ arguments: [Argument]) throws -> RESPValue { try run(arguments, on: readServer) }

  /// One command's reply; an error reply becomes the CacheError it means.
  func run(_ arguments: [Argument], on server: Int) throws -> RESPValue {
    let reply = try withConnection(to: server) { try $0.pipeline([arguments.map(\.bytes)])[0] }
    guard case .error(let bytes) = reply else { return reply }
    let message = String(decoding: bytes, as: UTF8.self)
    let key = arguments.count > 1 ? String(decoding: arguments[1].bytes, as: UTF8.self) : ""
    if message.hasPrefix("ERR value is not an integer") { throw CacheError.notAnInteger(key) }
    if message.contains("would overflow") { throw CacheError.overflow(key) }
    throw CacheError.backendFailure("Redis: \(message)")
  }

  private func withConnection<T>(to server: Int, _ body: (RedisClientConnection) throws -> T) throws -> T {
    try pools[server].withConnection(open: { try connect(to: locations[server]) }, body)
  }

  private func connect(to location: RedisLocation) throws -> RedisClientConnection {
    let connection = try RedisClientConnection(
      host: location.host, port: location.port, timeoutSeconds: socketTimeout)
    var setup: [[[UInt8]]] = []
    if let password = location.password { setup.append([Array("AUTH".utf8), Array(password.utf8)]) }
    if location.database != 0 { setup.append([Array("SELECT".utf8), Array(String(location.database).utf8)]) }
    for reply in try connection.pipeline(setup) {
      if case .error(let message) = reply {
        throw CacheError.backendFailure(
          "Redis refused the connection setup: \(String(decoding: message, as: UTF8.self))")
      }
    }
    return connection
  }

  /// Runs `body`; with `ignoreErrors`, a failure to reach the server becomes `fallback` and a warning.
  private func degrading<T>(to fallback: T, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch CacheError.backendFailure(let reason) where ignoreErrors {
      if !warnedUnavailable.exchange(true, ordering: .relaxed) {
        let line = Array(
          "cachelings: warning: Redis unavailable, reads miss and writes are skipped: \(reason)\n".utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
      }
      return fallback
    }
  }
}

/// A command argument: text or bytes, written as literals in the command lists above.
enum Argument: ExpressibleByStringLiteral {
  case text(String)
  case bytes([UInt8])

  init(stringLiteral value: String) { self = .text(value) }

  var bytes: [UInt8] {
    switch self {
    case .text(let text): Array(text.utf8)
    case .bytes(let bytes): bytes
    }
  }
}
