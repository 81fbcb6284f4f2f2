import Glibc
import RESP

/// A bare RESP connection for tests: one command, one reply, no cache rules in between.
public final class RawRedis {
  private let descriptor: Int32
  private var decoder = RESPReplyDecoder()

  /// Connects to the loopback `port`.
  public init(port: UInt16) {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
  }

  deinit { close(descriptor) }

  /// Sends one command and returns its reply (nil if the server went away).
  public func call(_ arguments: [[UInt8]]) -> RESPValue? {
    var writer = RESPWriter()
    writer.command(arguments)
    let bytes = writer.bytes
    _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      if let value = try? decoder.next() { return value }
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { return nil }
      decoder.append(buffer[..<count])
    }
  }

  public func call(_ arguments: String...) -> RESPValue? { call(arguments.map { Array($0.utf8) }) }

  /// Makes `seconds` pass for every key with a TTL on a server whose clock cannot be moved: each TTL
  /// shrinks by that much, and a key whose TTL runs out is deleted, as expiry would have removed it.
  public func simulateTimePassing(_ seconds: Double) {
    let elapsed = Int64((seconds * 1_000).rounded())
    guard case .array(let keys)? = call("KEYS", "*") else { return }
    for case .bulkString(let key) in keys {
      guard case .integer(let remaining)? = call([Array("PTTL".utf8), key]), remaining > 0 else { continue }
      if remaining - elapsed <= 0 {
        _ = call([Array("DEL".utf8), key])
      } else {
        _ = call([Array("PEXPIRE".utf8), key, Array(String(remaining - elapsed).utf8)])
      }
    }
  }
}
