#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client for tests, with a receive timeout so a broken server fails a test, not hangs it.
final class TestClient {
  let descriptor: Int32

  init(port: UInt16, timeoutSeconds: Int = 2) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(descriptor)
      throw TestClientError.connectFailed(errno)
    }
  }

  deinit { close(descriptor) }

  func send(_ text: String) { send(Array(text.utf8)) }

  func send(_ bytes: [UInt8]) { Self.send(bytes, on: descriptor) }

  /// Sends all of `bytes` on a blocking socket, or as much as goes before an error; usable from any
  /// thread, as it needs no client.
  static func send(_ bytes: [UInt8], on descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes {
        Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
      }
      guard sent > 0 else { return }
      offset += sent
    }
  }

  /// Reads until `count` bytes arrived, the peer closed, or the timeout passed.
  func receive(count: Int) -> [UInt8] {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while received.count < count {
      let got = buffer.withUnsafeMutableBytes {
        recv(descriptor, $0.baseAddress, min($0.count, count - received.count), 0)
      }
      if got <= 0 { break }
      received += buffer[..<got]
    }
    return received
  }

  /// What one read returns, up to `limit` bytes: empty when the peer closed or the timeout passed.
  func receiveSome(limit: Int = 64 * 1024) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: limit)
    let got = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    return got > 0 ? Array(buffer[..<got]) : []
  }

  /// Half-closes the connection: the server reads end of file after what was sent.
  func finishSending() { shutdown(descriptor, Int32(SHUT_WR)) }

  /// Everything the server sends until it closes the connection (or the timeout passes).
  func receiveAll() -> [UInt8] { receive(count: Int.max) }

  /// True when the server has closed the connection (a read returns end of file).
  func isClosedByPeer() -> Bool {
    var byte: UInt8 = 0
    return recv(descriptor, &byte, 1, 0) == 0
  }
}

enum TestClientError: Error {
  case connectFailed(Int32)
}
