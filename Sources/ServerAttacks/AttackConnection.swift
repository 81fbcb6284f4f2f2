import Glibc
import Primitives

/// A loopback TCP connection for fuzzing and attacks: it sends what the socket takes, reads what has
/// arrived, and can be left unread on purpose. Timeouts on both directions, so a server that stops
/// reading or answering fails a run instead of hanging it.
public final class AttackConnection {
  private let descriptor: Int32

  public init(port: UInt16, timeoutSeconds: Int = 5) throws(AttackError) {
    guard let connected = LoopbackPort.connect(port, timeoutSeconds: timeoutSeconds) else {
      throw AttackError("cannot connect to 127.0.0.1:\(port)")
    }
    descriptor = connected
  }

  deinit { close(descriptor) }

  /// Sends all of `bytes`, waiting for room up to the timeout; false when the server closed the
  /// connection or stopped taking input.
  @discardableResult
  public func send(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { WholeWrite.send($0, to: descriptor) } == nil
  }

  /// Sends as much of `bytes` as the socket takes now, without waiting; how many bytes went.
  public func sendWithoutWaiting(_ bytes: [UInt8]) -> Int {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes {
        Glibc.send(
          descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
      }
      guard sent > 0 else { break }
      offset += sent
    }
    return offset
  }

  /// Reads and drops whatever has arrived, without waiting; false once the server has closed.
  @discardableResult
  public func discardArrived() -> Bool {
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes {
        recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT))
      }
      if count == 0 { return false }
      if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR }
    }
  }

  /// Half-closes the connection: the server reads end of input after what was sent.
  public func finishSending() { shutdown(descriptor, Int32(SHUT_WR)) }

  /// Reads and drops everything until the server closes the connection; false when the timeout passed
  /// first.
  public func readToEnd() -> Bool {
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count == 0 { return true }
      if count < 0 {
        if errno == EINTR { continue }
        return errno == ECONNRESET
      }
    }
  }

  /// Reads until a line ending in CR LF has arrived and returns it without the CR LF; nil when the
  /// server closed or the timeout passed first. Bytes after the line are dropped.
  public func readLine() -> [UInt8]? {
    var received: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      let count = recv(descriptor, &byte, 1, 0)
      if count < 0 && errno == EINTR { continue }
      guard count == 1 else { return nil }
      received.append(byte)
      if received.count >= 2 && received[received.count - 2] == 13 && byte == 10 {
        return Array(received.dropLast(2))
      }
    }
  }

  /// Reads until `count` bytes have arrived; false when the server closed or the timeout passed first.
  public func skip(_ count: Int) -> Bool {
    var left = count
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while left > 0 {
      let got = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, min($0.count, left), 0) }
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { return false }
      left -= got
    }
    return true
  }
}

/// Why an attack or fuzz run could not be carried out (not a finding about the server).
public struct AttackError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
