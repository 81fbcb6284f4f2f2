#if canImport(Glibc)
import CLinux
import Glibc
#endif

/// Stops an event loop from any thread: it writes to the loop's eventfd, which wakes `epoll_wait`.
public struct EventLoopStopper: Sendable {
  let descriptor: Int32

  public func stop() {
    var one: UInt64 = 1
    _ = write(descriptor, &one, MemoryLayout<UInt64>.size)
  }
}
