import CacheServer
import Foundation

/// Our Memcached-protocol server on a free loopback port, on its own thread, stopped when released.
/// Tests move its clock directly, as the test-only clock command would.
final class InProcessMemcached: @unchecked Sendable {
  let port: UInt16
  private let server: MemcachedServer
  private let finished = DispatchSemaphore(value: 0)

  init() throws {
    var options = MemcachedServer.Options()
    options.port = 0
    server = try MemcachedServer(options)
    port = server.port
    let finished = self.finished
    let box = UncheckedBox(server)
    Thread.detachNewThread {
      box.value.run()
      finished.signal()
    }
  }

  /// Moves the server's time forward.
  func advance(by seconds: Double) {
    server.shared.store.withStore { _ = $0.clock.advance(byMilliseconds: Int64((seconds * 1_000).rounded())) }
  }

  deinit {
    server.stopper.stop()
    _ = finished.wait(timeout: .now() + 5)
  }

  private final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }
}
