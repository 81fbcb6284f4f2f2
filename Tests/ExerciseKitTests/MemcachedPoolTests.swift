import CacheKit
import Foundation
import Testing

@testable import ExerciseKit

/// A pool of two memcached servers exists only where the course started a second server: a check
/// asking for it anywhere else is skipped, not failed.
@Suite struct MemcachedPoolTests {
  @Test func aCheckOnAnotherBackendIsSkipped() throws {
    let files = NSTemporaryDirectory() + "cachelings-pool-\(UUID().uuidString)"
    let context = try CheckContext(
      backend: .file, checkIndex: 0, servers: ServerSettings(clock: false), files: files,
      token: "pool-test")
    defer {
      context.finish()
      try? FileManager.default.removeItem(atPath: files)
    }
    #expect(throws: CheckSkipped.self) { try context.memcachedPoolOfTwo() }
  }
}
