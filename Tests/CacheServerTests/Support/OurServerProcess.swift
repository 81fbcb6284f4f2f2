import ServerAttacks
import TestSupport
import Testing

/// Our server as its own process (`cachelings serve`), so that its memory can be measured apart from
/// the tests' own, as the real servers' is.
enum OurServerProcess {
  /// Starts `cachelings serve redis|memcached` on a free port with `arguments`; nil, after recording
  /// why, when the executable was not built beside the tests.
  static func start(
    _ wire: WireProtocol, _ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ServerProcess? {
    guard let executable = BuiltProducts.executable("cachelings") else {
      Issue.record("cachelings is not built beside the tests (swift build)", sourceLocation: sourceLocation)
      return nil
    }
    return try ServerProcess(executable: executable) { port in
      ["serve", wire.rawValue, "--port", String(port)] + arguments
    }
  }
}
