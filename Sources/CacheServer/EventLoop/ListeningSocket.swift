import CLinux
import Glibc

/// A non-blocking IPv4 TCP socket bound and listening on an address and port (port 0 picks a free one).
public struct ListeningSocket: ~Copyable {
  public let descriptor: Int32
  /// The port it listens on, the chosen one when 0 was asked for.
  public let port: UInt16

  /// `reusePort` lets several sockets (one per worker thread) listen on the same port, the kernel
  /// spreading new connections among them.
  public init(
    address: String, port: UInt16, backlog: Int32 = 511, reusePort: Bool = false
  ) throws(SocketError) {
    let descriptor = socket(
      AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { throw SocketError("socket") }
    var yes: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    if reusePort {
      setsockopt(descriptor, SOL_SOCKET, SO_REUSEPORT, &yes, socklen_t(MemoryLayout<Int32>.size))
    }
    var socketAddress = sockaddr_in()
    socketAddress.sin_family = sa_family_t(AF_INET)
    socketAddress.sin_port = port.bigEndian
    guard inet_pton(AF_INET, address, &socketAddress.sin_addr) == 1 else {
      close(descriptor)
      throw SocketError("inet_pton(\(address))", code: EINVAL)
    }
    let bound = withUnsafePointer(to: &socketAddress) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else {
      let code = errno
      close(descriptor)
      throw SocketError("bind \(address):\(port)", code: code)
    }
    guard listen(descriptor, backlog) == 0 else {
      let code = errno
      close(descriptor)
      throw SocketError("listen", code: code)
    }
    var chosen = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &chosen) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    self.descriptor = descriptor
    self.port = UInt16(bigEndian: chosen.sin_port)
  }

  /// Accepts one pending connection, non-blocking; nil when none is waiting.
  func accept() -> (descriptor: Int32, peer: String)? {
    var peer = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let accepted = withUnsafeMutablePointer(to: &peer) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        cachelings_accept4(
          descriptor, $0, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
      }
    }
    guard accepted >= 0 else { return nil }
    var yes: Int32 = 1
    setsockopt(accepted, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
    inet_ntop(AF_INET, &peer.sin_addr, &text, socklen_t(INET_ADDRSTRLEN))
    let host = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return (accepted, "\(host):\(UInt16(bigEndian: peer.sin_port))")
  }

  deinit { close(descriptor) }
}
