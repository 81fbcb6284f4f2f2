import CacheKit
import Testing

@testable import ExerciseKit

/// A pool of two memcached servers exists only where the course started a second server: a check
/// asking for it anywhere else is skipped, not failed.
@Suite struct MemcachedPoolTests {
  @Test func aCheckOnAnotherBackendIsSkipped() throws {
    try withCheckContext(.file, token: "pool-test") { context in
      #expect(throws: CheckSkipped.self) { try context.memcachedPoolOfTwo() }
    }
  }
}
