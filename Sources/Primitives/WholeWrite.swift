import Glibc

/// Writing a whole buffer to a descriptor: the loop every writer needs, as a short write or a signal can
/// stop write(2) part way.
public enum WholeWrite {
  /// Writes all of bytes to descriptor, again after EINTR; nil when done, else the errno that stopped it
  /// (EIO when the descriptor took nothing).
  public static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    loop(bytes) { Glibc.write(descriptor, $0, $1) }
  }

  /// The same on a socket, with no SIGPIPE when the peer has gone.
  public static func send(_ bytes: UnsafeRawBufferPointer, to socket: Int32) -> Int32? {
    loop(bytes) { Glibc.send(socket, $0, $1, Int32(MSG_NOSIGNAL)) }
  }

  private static func loop(
    _ bytes: UnsafeRawBufferPointer, _ put: (UnsafeRawPointer, Int) -> Int
  ) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var offset = 0
    while offset < bytes.count {
      let count = put(base + offset, bytes.count - offset)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return count < 0 ? errno : EIO }
      offset += count
    }
    return nil
  }
}
