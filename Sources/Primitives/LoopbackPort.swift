import Glibc

/// A loopback port for a server to listen on.
public enum LoopbackPort {
  /// A port nothing uses now, chosen by the kernel (a random pick can meet a client's ephemeral port);
  /// nil when the kernel would not give one.
  public static func free() -> UInt16? {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
        guard bind(descriptor, pointer, length) == 0 else { return -1 }
        return getsockname(descriptor, pointer, &length)
      }
    }
    return bound == 0 ? UInt16(bigEndian: address.sin_port) : nil
  }
}
