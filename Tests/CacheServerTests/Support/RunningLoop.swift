import CacheServer
import Foundation

/// An event loop serving on a free loopback port from its own thread, stopped when released.
final class RunningLoop: @unchecked Sendable {
  let port: UInt16
  private let stopper: EventLoopStopper
  private let finished = DispatchSemaphore(value: 0)
  private let loopBox: LoopBox

  /// The loop lives on its thread; this box only hands it over and lets tests read its counters.
  final class LoopBox: @unchecked Sendable {
    var loop: EventLoop?
  }

  init(_ makeFrontEnd: @escaping @Sendable () -> any ProtocolFrontEnd) throws {
    let box = LoopBox()
    box.loop = try EventLoop(
      listener: ListeningSocket(address: "127.0.0.1", port: 0), frontEnd: makeFrontEnd())
    port = box.loop!.port
    stopper = box.loop!.stopper
    loopBox = box
    let finished = self.finished
    Thread.detachNewThread {
      box.loop?.run()
      finished.signal()
    }
  }

  /// Open connections, read after the loop has had a moment to notice closes.
  func connectionCount(settleMilliseconds: Int = 200) -> Int {
    usleep(UInt32(settleMilliseconds * 1_000))
    return loopBox.loop?.connectionCount ?? -1
  }

  /// Stops the loop, waits for its thread, and releases it (which closes the listening socket).
  func stop() -> Bool {
    stopper.stop()
    guard finished.wait(timeout: .now() + 5) == .success else { return false }
    loopBox.loop = nil
    return true
  }

  deinit { stopper.stop() }
}
