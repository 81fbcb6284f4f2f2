import CacheServer
import Foundation

/// One of our servers on a free loopback port, running on its own thread in the test's process,
/// stopped when released. Tests may move its clock directly, as the test-only clock command would.
public final class RunningServer: @unchecked Sendable {
  public let port: UInt16
  private let stopper: EventLoopStopper
  private let store: SharedStore
  private let finished = DispatchSemaphore(value: 0)

  public init(_ options: RedisServer.Options) throws {
    let server = try RedisServer(options)
    port = server.port
    stopper = server.stopper
    store = server.store
    start(Box { server.run() })
  }

  public init(memcached options: MemcachedServer.Options) throws {
    let server = try MemcachedServer(options)
    port = server.port
    stopper = server.stopper
    store = server.shared.store
    start(Box { server.run() })
  }

  /// Moves the server's time forward.
  public func advance(by seconds: Double) {
    store.withStore { _ = $0.clock.advance(byMilliseconds: Int64((seconds * 1_000).rounded())) }
  }

  private func start(_ box: Box) {
    let finished = self.finished
    Thread.detachNewThread {
      box.run()
      finished.signal()
    }
  }

  deinit {
    stopper.stop()
    _ = finished.wait(timeout: .now() + 5)
  }

  /// Carries a server's run loop to its thread, which owns the server from then on.
  private final class Box: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
  }
}

extension RedisServer.Options {
  /// A free port on loopback with the test clock on.
  public static func forTests() -> Self {
    var options = Self()
    options.port = 0
    options.testClock = true
    return options
  }
}

extension MemcachedServer.Options {
  /// A free port on loopback with the test clock on.
  public static func forTests(threads: Int = 1) -> Self {
    var options = Self()
    options.port = 0
    options.configuration.testClock = true
    options.configuration.threads = threads
    return options
  }
}
