import Foundation
import Testing

/// A pseudo-terminal pair opened with posix_openpt, so terminal code runs without a real TTY.
/// Glibc's Swift module leaves the pty functions out (they need _XOPEN_SOURCE), so they are looked up in libc.
final class PseudoTerminal {
  let primary: Int32
  let secondary: Int32

  private typealias OpenFunction = @convention(c) (Int32) -> Int32
  private typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

  private static func function<T>(_ name: String, as type: T.Type) throws -> T {
    guard let symbol = dlsym(nil, name) else { throw PseudoTerminalError.unavailable }
    return unsafeBitCast(symbol, to: type)
  }

  init() throws {
    let openPrimary = try Self.function("posix_openpt", as: OpenFunction.self)
    let grant = try Self.function("grantpt", as: OpenFunction.self)
    let unlock = try Self.function("unlockpt", as: OpenFunction.self)
    let name = try Self.function("ptsname", as: NameFunction.self)
    let primary = openPrimary(O_RDWR | O_NOCTTY)
    guard primary >= 0 else { throw PseudoTerminalError.unavailable }
    guard grant(primary) == 0, unlock(primary) == 0, let path = name(primary) else {
      close(primary)
      throw PseudoTerminalError.unavailable
    }
    let secondary = open(path, O_RDWR | O_NOCTTY)
    guard secondary >= 0 else {
      close(primary)
      throw PseudoTerminalError.unavailable
    }
    self.primary = primary
    self.secondary = secondary
  }

  deinit {
    close(secondary)
    close(primary)
  }

  /// The secondary side's settings.
  func settings() -> termios {
    var settings = termios()
    #expect(tcgetattr(secondary, &settings) == 0)
    return settings
  }

  /// Bytes typed at the terminal: written to the primary side, read from the secondary.
  func type(_ bytes: [UInt8]) {
    #expect(write(primary, bytes, bytes.count) == bytes.count)
  }
}

enum PseudoTerminalError: Error {
  case unavailable
}
