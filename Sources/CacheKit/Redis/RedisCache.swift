import RESP
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A cache on a Redis-protocol server, issuing what Django's RedisCache issues: SET with EX and NX, MGET,
/// DEL, EXISTS then INCRBY, EXPIRE or PERSIST for touch, a MULTI/EXEC pipeline for setMany, FLUSHDB.
///
/// With `ignoreErrors`, a server that cannot be reached reads as misses and writes as no-ops, with one
/// warning on standard error: the graceful degradation a cache in front of a database should have.
public final class RedisCache: Cache {
  public let options: CacheOptions
  public let location: RedisLocation
  /// Connect, send and receive timeout in seconds.
  public let socketTimeout: Double
  public let ignoreErrors: Bool
  private let pool = ConnectionPool<RedisClientConnection>()
  private let warnedUnavailable = Atomic<Bool>(false)

  public init(
    location: RedisLocation = RedisLocation(), socketTimeout: Double = 5, ignoreErrors: Bool = false,
    options: CacheOptions = .init()
  ) {
    self.location = location
    self.socketTimeout = socketTimeout
    self.ignoreErrors = ignoreErrors
    self.options = options
  }

  public func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    try degrading(to: false) {
      guard let seconds = Self.seconds(timeout) else {
        return try run(["SET", .text(key.rawValue), .bytes(value), "NX"]) != .null
      }
      if seconds == 0 {
        let stored = try run(["SET", .text(key.rawValue), .bytes(value), "NX"]) != .null
        if stored { _ = try run(["DEL", .text(key.rawValue)]) }
        return stored
      }
      return try run(["SET", .text(key.rawValue), .bytes(value), "EX", .text(String(seconds)), "NX"]) != .null
    }
  }

  public func get(_ key: CacheKey) throws -> [UInt8]? {
    try degrading(to: nil) { try run(["GET", .text(key.rawValue)]).bytes }
  }

  public func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    try degrading(to: ()) {
      switch Self.seconds(timeout) {
      case nil: _ = try run(["SET", .text(key.rawValue), .bytes(value)])
      case 0?: _ = try run(["DEL", .text(key.rawValue)])
      case let seconds?:
        _ = try run(["SET", .text(key.rawValue), .bytes(value), "EX", .text(String(seconds))])
      }
    }
  }

  public func touch(_ key: CacheKey, timeout: ResolvedTimeout) throws -> Bool {
    try degrading(to: false) {
      guard let seconds = Self.seconds(timeout) else {
        return try run(["PERSIST", .text(key.rawValue)]) == .integer(1)
      }
      return try run(["EXPIRE", .text(key.rawValue), .text(String(seconds))]) == .integer(1)
    }
  }

  public func delete(_ key: CacheKey) throws -> Bool {
    try degrading(to: false) { try run(["DEL", .text(key.rawValue)]) == .integer(1) }
  }

  public func hasKey(_ key: CacheKey) throws -> Bool {
    try degrading(to: false) { try run(["EXISTS", .text(key.rawValue)]) == .integer(1) }
  }

  public func incr(_ key: CacheKey, by delta: Int) throws -> Int {
    guard try hasKey(key) else { throw CacheError.keyNotFound(key.rawValue) }
    let reply = try run(["INCRBY", .text(key.rawValue), .text(String(delta))])
    guard case .integer(let value) = reply else { throw CacheError.keyNotFound(key.rawValue) }
    return Int(value)
  }

  public func clear() throws {
    try degrading(to: ()) { _ = try run(["FLUSHDB"]) }
  }

  public func getMany(_ keys: [CacheKey]) throws -> [CacheKey: [UInt8]] {
    guard !keys.isEmpty else { return [:] }
    return try degrading(to: [:]) {
      guard case .array(let values) = try run(["MGET"] + keys.map { .text($0.rawValue) }) else { return [:] }
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
      let replies = try withConnection { try $0.pipeline(commands.map { $0.map(\.bytes) }) }
      if case .error(let message)? = replies.last {
        throw CacheError.backendFailure(String(decoding: message, as: UTF8.self))
      }
      return []
    }
  }

  public func deleteMany(_ keys: [CacheKey]) throws {
    guard !keys.isEmpty else { return }
    try degrading(to: ()) { _ = try run(["DEL"] + keys.map { .text($0.rawValue) }) }
  }

  public func close() {
    pool.removeAll()
  }

  /// Django's conversion: never stays never; anything else becomes whole seconds, at least 0.
  static func seconds(_ timeout: ResolvedTimeout) -> Int? {
    guard case .seconds(let seconds) = timeout else { return nil }
    return seconds.isFinite ? max(0, Int(min(seconds, Double(Int32.max)))) : Int(Int32.max)
  }

  /// One command's reply; an error reply becomes the CacheError it means.
  private func run(_ arguments: [Argument]) throws -> RESPValue {
    let reply = try withConnection { try $0.pipeline([arguments.map(\.bytes)])[0] }
    guard case .error(let bytes) = reply else { return reply }
    let message = String(decoding: bytes, as: UTF8.self)
    let key = arguments.count > 1 ? String(decoding: arguments[1].bytes, as: UTF8.self) : ""
    if message.hasPrefix("ERR value is not an integer") { throw CacheError.notAnInteger(key) }
    if message.contains("would overflow") { throw CacheError.overflow(key) }
    throw CacheError.backendFailure("Redis: \(message)")
  }

  private func withConnection<T>(_ body: (RedisClientConnection) throws -> T) throws -> T {
    try pool.withConnection(open: connect, body)
  }

  private func connect() throws -> RedisClientConnection {
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
