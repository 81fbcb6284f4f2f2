import Glibc
import Synchronization

/// Receives key warnings; the caller may replace it (to collect them in a test, or to silence them).
public struct CacheWarningHandler: Sendable {
  private let handle: @Sendable (CacheKeyWarning) -> Void

  public init(_ handle: @escaping @Sendable (CacheKeyWarning) -> Void) {
    self.handle = handle
  }

  public func callAsFunction(_ warning: CacheKeyWarning) { handle(warning) }

  /// Prints each warning to standard error once per key pattern and kind, not once per call.
  public static let printOncePerPattern = CacheWarningHandler { warning in
    guard WarningLog.shared.firstTime(warning.pattern) else { return }
    let line = Array("cachelings: warning: \(warning.description)\n".utf8)
    _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }

  /// Drops every warning.
  public static let silent = CacheWarningHandler { _ in }
}

/// The patterns already reported by `printOncePerPattern`, shared by the whole process.
private final class WarningLog: Sendable {
  static let shared = WarningLog()
  private let seen = Mutex<Set<String>>([])

  func firstTime(_ pattern: String) -> Bool {
    seen.withLock { $0.insert(pattern).inserted }
  }
}
