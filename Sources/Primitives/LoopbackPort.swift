import Glibc

/// Loopback ports: a free one for a server to listen on, and a blocking connection to one.
public enum LoopbackPort {
  /// A blocking TCP connection to 127.0.0.1:port whose sends and receives give up after timeoutSeconds,
  /// so a broken server fails its caller instead of hanging it; nil (errno set) when it cannot connect.
  public static func connect(_ port: UInt16, timeoutSeconds: Int) -> Int32? {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      let failure = errno
      close(descriptor)
      errno = failure
      return nil
    }
    return descriptor
  }

  /// A port nothing uses now, chosen by the kernel (a random pick can meet a client's ephemeral port);
  /// nil when the kernel would not give one.
  public static func free() -> UInt16? {
    guard let (descriptor, port) = bound() else { return nil }
    close(descriptor)
    return port
  }

  /// A socket bound to a port the kernel chose on 127.0.0.1, not listening yet, and that port: while
  /// the socket is held no one else gets the port, and connections to it are refused until it listens.
  /// Nil when the kernel would not give one.
  public static func bound() -> (descriptor: Int32, port: UInt16)? {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
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
    guard bound == 0 else {
      close(descriptor)
      return nil
    }
    return (descriptor, UInt16(bigEndian: address.sin_port))
  }
}
