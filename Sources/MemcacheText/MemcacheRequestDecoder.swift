import WireBytes

/// Frames what a client sends to a memcached server: command lines and the data blocks that follow
/// storage commands, split at any byte, many per read. Which lines take a data block is the server's
/// call: after reading a storage line it asks for `expectData(count:)` or `swallow(count:)`.
///
/// Lines end at LF (a CR before it is dropped unless the line is nothing else). A line that has no LF within 2,048 bytes closes the
/// connection unless it is a `get`/`gets` (large multi-gets are allowed to be long), as memcached does.
public struct MemcacheRequestDecoder: Sendable {
  /// One framed piece of input.
  public enum Frame: Equatable, Sendable {
    /// A command line, split into tokens at spaces.
    case line(MemcacheTokens)
    /// The data block asked for with `expectData(count:)`, without its last two bytes, and whether
    /// those were the CR LF a valid block ends with.
    case data([UInt8], terminated: Bool)
    /// A line too long to be a command: memcached closes the connection.
    case lineTooLong
  }

  /// Bytes without an LF after which a line that is not a multi-get closes the connection.
  public static let lineLimit = 2_048
  /// Bytes a multi-get line may grow to before the connection is closed anyway.
  public static let multiGetLimit = 4 * 1024 * 1024

  private var input = PendingBytes()
  private var dataWanted = -1
  private var swallowing = 0

  public init() {}

  /// Whether a data block is still awaited or being dropped: memcached writes no reply until then.
  public var isInsideDataBlock: Bool { swallowing > 0 || dataWanted >= 0 }

  /// Bytes received but not yet framed.
  public var bufferedByteCount: Int { input.count }

  public mutating func append(_ bytes: UnsafeRawBufferPointer) {
    var kept = bytes[...]
    if swallowing > 0 {
      let skipped = min(swallowing, kept.count)
      swallowing -= skipped
      kept = kept.dropFirst(skipped)
    }
    input.append(UnsafeRawBufferPointer(rebasing: kept))
  }

  public mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { append($0) }
  }

  /// The next data block will be `count` bytes (the value plus its CR LF).
  public mutating func expectData(count: Int) { dataWanted = count }

  /// Drops the next `count` bytes without keeping them (a refused value's data block).
  public mutating func swallow(count: Int) {
    let available = min(count, input.bytes.count - input.position)
    input.position += available
    swallowing = count - available
  }

  /// The next complete frame, or nil when more bytes are needed.
  public mutating func next() -> Frame? {
    if swallowing > 0 { return nil }
    if dataWanted >= 0 {
      guard input.bytes.count - input.position >= dataWanted else { return nil }
      let end = input.position + dataWanted
      let terminated = dataWanted >= 2 && input.bytes[end - 2] == 13 && input.bytes[end - 1] == 10
      let value = Array(input.bytes[input.position..<max(input.position, end - 2)])
      input.position = end
      dataWanted = -1
      return .data(value, terminated: terminated)
    }
    guard input.position < input.bytes.count else { return nil }
    guard let newline = lineEnd() else {
      return isAcceptableLongLine() ? nil : .lineTooLong
    }
    var end = newline
    // memcached drops the CR only from a line longer than that CR alone.
    if end - input.position > 1 && input.bytes[end - 1] == 13 { end -= 1 }
    let tokens = MemcacheTokens(input.bytes[input.position..<end])
    input.position = newline + 1
    return .line(tokens)
  }

  /// Where the next LF is, found with memchr.
  private func lineEnd() -> Int? {
    input.bytes.withUnsafeBufferPointer { bytes in
      ByteSearch.first(10, in: bytes.baseAddress!, from: input.position, to: bytes.count)
    }
  }

  /// A partial line may keep growing while it is short, or a multi-get within its own limit.
  private func isAcceptableLongLine() -> Bool {
    let pending = input.bytes.count - input.position
    guard pending > Self.lineLimit else { return true }
    guard pending <= Self.multiGetLimit else { return false }
    var start = input.position
    while start < input.bytes.count && input.bytes[start] == UInt8(ascii: " ") { start += 1 }
    guard start - input.position <= 100 else { return false }
    let head = input.bytes[start..<min(input.bytes.count, start + 5)]
    return head.starts(with: Array("get ".utf8)) || head.starts(with: Array("gets ".utf8))
  }

}
