import Glibc
import Primitives

/// A blocking TCP connection for the server-backed caches: connect, send and receive, each bounded by
/// one timeout, with errors worded for the person reading them. One caller at a time uses it.
final class BlockingSocket: @unchecked Sendable {
  private let descriptor: Int32
  /// The server's name in error messages, such as "Redis at 127.0.0.1:6379".
  let peerName: String
  private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

  /// Connects, or throws having closed the socket it opened: the descriptor is stored only once
  /// connected, so a failed init never reaches `deinit`, which would close the number a second time
  /// (by then possibly another thread's file).
  init(host: String, port: UInt16, timeoutSeconds: Double, serverName: String) throws(CacheError) {
    peerName = "\(serverName) at \(host):\(port)"
    let opened = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard opened >= 0 else { throw CacheError.backendFailure("cannot create a socket") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    let resolved = host == "localhost" ? "127.0.0.1" : host
    guard inet_pton(AF_INET, resolved, &address.sin_addr) == 1 else {
      close(opened)
      throw CacheError.backendFailure("\(serverName) host '\(host)' is not an IPv4 address")
    }
    var timeout = timeval(
      tv_sec: Int(timeoutSeconds), tv_usec: Int((timeoutSeconds - Double(Int(timeoutSeconds))) * 1_000_000))
    setsockopt(opened, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(opened, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var yes: Int32 = 1
    setsockopt(opened, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(opened, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      let reason = String(cString: strerror(errno))
      close(opened)
      throw CacheError.backendFailure("cannot connect to \(peerName): \(reason)")
    }
    descriptor = opened
  }

  deinit { close(descriptor) }

  func send(_ bytes: [UInt8]) throws(CacheError) {
    if bytes.withUnsafeBytes({ WholeWrite.send($0, to: descriptor) }) != nil {
      throw CacheError.backendFailure("connection to \(peerName) lost while sending")
    }
  }

  /// The next bytes the server sends; an error when it closes the connection or does not answer in time.
  func receive() throws(CacheError) -> ArraySlice<UInt8> {
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        let reason = errno
        if count == 0 { throw CacheError.backendFailure("\(peerName) closed the connection") }
        if reason == EAGAIN || reason == EWOULDBLOCK {
          throw CacheError.backendFailure("\(peerName) did not answer in time")
        }
        throw CacheError.backendFailure(
          "connection to \(peerName) lost while receiving: \(String(cString: strerror(reason)))")
      }
      return buffer[..<count]
    }
  }
}
