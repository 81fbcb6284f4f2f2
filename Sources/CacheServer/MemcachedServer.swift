import Glibc

/// A Memcached-protocol server: one event loop per worker thread (memcached's `-t`), all listening on
/// one port and sharing one store. `run()` serves on the calling thread plus `threads - 1` more.
public final class MemcachedServer {
  public struct Options: Sendable {
    public var bindAddress = "127.0.0.1"
    /// 0 picks a free port.
    public var port: UInt16 = 11211
    public var configuration = MemcachedShared.Configuration()

    public init() {}
  }

  private let loops: [EventLoop]
  public let shared: MemcachedShared

  /// The port it listens on (the chosen one when the options asked for 0).
  public var port: UInt16 { loops[0].port }
  /// Stops `run()` from any thread.
  public var stopper: EventLoopStopper { loops[0].stopper }

  public init(_ options: Options) throws(SocketError) {
    var store = Store(databases: 1)
    store.maxMemory = options.configuration.memoryLimit
    store.policy = .allKeysLRU
    shared = MemcachedShared(configuration: options.configuration, store: SharedStore(store))
    let threads = max(1, options.configuration.threads)
    let first = try ListeningSocket(address: options.bindAddress, port: options.port, reusePort: threads > 1)
    let port = first.port
    var loops = [try EventLoop(listener: first, frontEnd: MemcachedFrontEnd(shared: shared))]
    for _ in 1..<threads {
      let listener = try ListeningSocket(address: options.bindAddress, port: port, reusePort: true)
      loops.append(try EventLoop(listener: listener, frontEnd: MemcachedFrontEnd(shared: shared)))
    }
    self.loops = loops
  }

  /// Makes Ctrl-C and SIGTERM stop `run()` cleanly. Call before `run()`, on the thread that calls it.
  public func stopOnSignals() throws(SocketError) { try loops[0].stopOnSignals() }

  /// Serves until stopped; the worker threads stop with the first loop.
  public func run() {
    var workers: [pthread_t] = []
    for loop in loops.dropFirst() {
      if let thread = WorkerThread.start({ loop.run() }) { workers.append(thread) }
    }
    loops[0].run()
    for loop in loops.dropFirst() { loop.stopper.stop() }
    for thread in workers { pthread_join(thread, nil) }
  }
}
