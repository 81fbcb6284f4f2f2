import CacheKit
import Synchronization

/// Collects key warnings so a test can assert on them instead of reading standard error.
final class WarningCollector: Sendable {
  private let collected = Mutex<[CacheKeyWarning]>([])

  var handler: CacheWarningHandler {
    CacheWarningHandler { warning in self.collected.withLock { $0.append(warning) } }
  }

  var warnings: [CacheKeyWarning] { collected.withLock { $0 } }
}
