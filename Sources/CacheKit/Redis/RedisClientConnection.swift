import RESP

#if canImport(Glibc)
import Glibc
#endif

/// One blocking connection to a Redis-protocol server, with connect and socket timeouts.
/// Used by one caller at a time: the pool hands a connection out exclusively and takes it back after.
final class RedisClientConnection: @unchecked Sendable {
  private let descriptor: Int32
  private var decoder = RESPReplyDecoder()
  private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

  init(host: String, port: UInt16, timeoutSeconds: Double) throws(CacheError) {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { throw CacheError.backendFailure("cannot create a socket") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    let resolved = host == "localhost" ? "127.0.0.1" : host
    guard inet_pton(AF_INET, resolved, &address.sin_addr) == 1 else {
      close(descriptor)
      throw CacheError.backendFailure("Redis host '\(host)' is not an IPv4 address")
    }
    var timeout = timeval(
      tv_sec: Int(timeoutSeconds), tv_usec: Int((timeoutSeconds - Double(Int(timeoutSeconds))) * 1_000_000))
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var yes: Int32 = 1
    setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw CacheError.backendFailure("cannot connect to Redis at \(host):\(port): \(reason)")
    }
  }

  deinit { close(descriptor) }

  /// Sends the commands in one write and reads one reply for each, in order.
  func pipeline(_ commands: [[[UInt8]]]) throws(CacheError) -> [RESPValue] {
    var writer = RESPWriter()
    for command in commands { writer.command(command) }
    try send(writer.bytes)
    var replies: [RESPValue] = []
    replies.reserveCapacity(commands.count)
    while replies.count < commands.count { replies.append(try readReply()) }
    return replies
  }

  private func send(_ bytes: [UInt8]) throws(CacheError) {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes {
        Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
      }
      if sent < 0 && errno == EINTR { continue }
      guard sent > 0 else { throw CacheError.backendFailure("Redis connection lost while sending") }
      offset += sent
    }
  }

  private func readReply() throws(CacheError) -> RESPValue {
    while true {
      do {
        if let value = try decoder.next() { return value }
      } catch {
        throw CacheError.backendFailure("Redis sent a malformed reply: \(error.message)")
      }
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        throw CacheError.backendFailure(
          count == 0 ? "Redis closed the connection" : "Redis did not answer in time")
      }
      decoder.append(buffer[..<count])
    }
  }
}
