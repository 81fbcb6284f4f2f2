/// A Redis-protocol server: a listening socket, the Redis front end and an event loop, run on the
/// calling thread until stopped.
public final class RedisServer {
  public struct Options: Sendable {
    public var bindAddress = "127.0.0.1"
    /// 0 picks a free port.
    public var port: UInt16 = 6379
    /// Bytes; 0 means no limit.
    public var maxMemory = 0
    public var password: String?
    public var testClock = false

    public init() {}
  }

  private let loop: EventLoop
  public let store: SharedStore

  /// The port it listens on (the chosen one when the options asked for 0).
  public var port: UInt16 { loop.port }
  /// Stops `run()` from any thread.
  public var stopper: EventLoopStopper { loop.stopper }

  public init(_ options: Options) throws(SocketError) {
    var store = Store(databases: 16)
    store.maxMemory = options.maxMemory
    self.store = SharedStore(store)
    let frontEnd = RedisFrontEnd(
      store: self.store, configuration: .init(password: options.password, testClock: options.testClock))
    loop = try EventLoop(
      listener: ListeningSocket(address: options.bindAddress, port: options.port), frontEnd: frontEnd)
    frontEnd.port = loop.port
  }

  /// Makes Ctrl-C and SIGTERM stop `run()` cleanly.
  public func stopOnSignals() throws(SocketError) { try loop.stopOnSignals() }

  /// Serves until stopped.
  public func run() { loop.run() }
}
