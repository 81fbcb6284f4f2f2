import CacheKit
import Foundation
import Glibc
import Synchronization
import TestSupport
import Testing

/// A connection that fails must close its socket once: a second close lands on whatever descriptor
/// another thread opened with the same number in between (a server's epoll or listening socket, a
/// learner's file), which then fails in ways that look like a flaky server.
@Suite("Failed connections close only their own socket")
struct FailedConnectTests {
  @Test("thousands of failed connects leave another thread's pipe open", arguments: ["redis", "memcached"])
  func failedConnectsCloseOnce(backend: String) throws {
    let port = LoopbackPort.free() ?? 1
    let cache: any Cache =
      backend == "redis"
      ? RedisCache(location: RedisLocation(port: port), socketTimeout: 0.5)
      : MemcachedCache(
        location: MemcachedLocation(servers: [.init(port: port)]), socketTimeout: 0.5)
    let stop = Atomic<Bool>(false)
    let failedConnects = Thread {
      for _ in 0..<3_000 { _ = try? cache.get("k") }
      stop.store(true, ordering: .releasing)
    }
    failedConnects.start()
    var rounds = 0
    var lost: String?
    while !stop.load(ordering: .acquiring) && lost == nil {
      lost = pipeRoundTrip()
      rounds += 1
    }
    #expect(lost == nil, "after \(rounds) rounds a pipe this thread owned was closed under it: \(lost ?? "")")
  }

  /// Opens a pipe, sends a byte through it and closes it; what went wrong, or nil.
  private func pipeRoundTrip() -> String? {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    defer {
      close(ends[0])
      close(ends[1])
    }
    for _ in 0..<20 {
      var byte: UInt8 = 7
      guard write(ends[1], &byte, 1) == 1 else { return "write: \(String(cString: strerror(errno)))" }
      guard read(ends[0], &byte, 1) == 1 else { return "read: \(String(cString: strerror(errno)))" }
    }
    return nil
  }
}
