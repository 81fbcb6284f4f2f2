import CacheServer
import Foundation

/// Our Redis-protocol server on a free loopback port, on its own thread, stopped when released.
final class RunningServer: @unchecked Sendable {
  let port: UInt16
  private let stopper: EventLoopStopper
  private let finished = DispatchSemaphore(value: 0)

  init(_ options: RedisServer.Options) throws {
    let server = try RedisServer(options)
    port = server.port
    stopper = server.stopper
    let finished = self.finished
    let box = ServerBox(server)
    Thread.detachNewThread {
      box.server.run()
      finished.signal()
    }
  }

  deinit {
    stopper.stop()
    _ = finished.wait(timeout: .now() + 5)
  }

  private final class ServerBox: @unchecked Sendable {
    let server: RedisServer
    init(_ server: RedisServer) { self.server = server }
  }
}

extension RedisServer.Options {
  /// A free port on loopback with the test clock on.
  static func forTests() -> Self {
    var options = Self()
    options.port = 0
    options.testClock = true
    return options
  }
}
