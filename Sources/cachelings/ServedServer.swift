import CacheServer

/// One of the course's servers as `cachelings serve` runs it: made from options that say where it
/// listens, then served in the foreground until Ctrl-C or SIGTERM.
protocol ServedServer {
  associatedtype Options: ServedOptions
  /// The name of its `serve` subcommand: "redis".
  static var command: String { get }
  /// What it is called in its summary and messages: "Redis-protocol".
  static var title: String { get }
  init(_ options: Options) throws(SocketError)
  var port: UInt16 { get }
  func stopOnSignals() throws(SocketError)
  func run()
}

/// A served server's options: where it listens, with the defaults its `init()` gives.
protocol ServedOptions {
  init()
  var bindAddress: String { get set }
  var port: UInt16 { get set }
}

extension RedisServer: ServedServer {
  static let command = "redis"
  static let title = "Redis-protocol"
}

extension RedisServer.Options: ServedOptions {}

extension MemcachedServer: ServedServer {
  static let command = "memcached"
  static let title = "Memcached-protocol"
}

extension MemcachedServer.Options: ServedOptions {}
