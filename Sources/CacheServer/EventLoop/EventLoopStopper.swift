import CLinux
import Glibc

/// Stops an event loop from any thread: it writes to the loop's eventfd, which wakes `epoll_wait`.
/// It owns that eventfd, closed when the loop and every holder of a stopper are gone, so a stop that
/// comes after the loop has ended is harmless and never writes into a descriptor reused by then.
public final class EventLoopStopper: Sendable {
  let descriptor: Int32

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  public func stop() {
    var one: UInt64 = 1
    _ = write(descriptor, &one, MemoryLayout<UInt64>.size)
  }
}
