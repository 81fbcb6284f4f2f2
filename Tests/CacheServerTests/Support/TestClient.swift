import Glibc
import TestSupport

/// A blocking TCP client for tests, with a receive timeout so a broken server fails a test, not hangs it.
final class TestClient {
  let descriptor: Int32

  init(port: UInt16, timeoutSeconds: Int = 2) throws {
    guard let connected = LoopbackPort.connect(port, timeoutSeconds: timeoutSeconds) else {
      throw TestClientError.connectFailed(errno)
    }
    descriptor = connected
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
