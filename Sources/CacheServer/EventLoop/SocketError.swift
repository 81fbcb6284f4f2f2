import CLinux
import Glibc

/// A socket call that failed, with the call's name and the system's reason.
public struct SocketError: Error, CustomStringConvertible, Sendable {
  public let call: String
  public let code: Int32

  public init(_ call: String, code: Int32 = errno) {
    self.call = call
    self.code = code
  }

  public var description: String {
    "\(call) failed: \(String(cString: strerror(code)))"
  }
}
