import WireBytes

/// Turns the bytes a client sends into commands (arrays of arguments), as Redis's networking.c reads
/// its query buffer: multibulk requests and inline commands, split at any byte, many per read.
///
/// It keeps its place across reads, so a long pipeline or a large argument is parsed once, and it never
/// reserves a declared length before the bytes arrive.
public struct RESPRequestDecoder: Sendable {
  private var input = PendingBytes()
  private var arguments: [[UInt8]] = []
  /// Arguments still to read in the current multibulk; 0 between commands.
  private var remaining = 0
  /// The declared length of the bulk being read, or -1 before its `$` line.
  private var bulkLength = -1

  public init() {}

  /// Bytes received but not yet consumed.
  public var bufferedByteCount: Int { input.count }

  public mutating func append(_ bytes: UnsafeRawBufferPointer) { input.append(bytes) }

  public mutating func append(_ bytes: some Sequence<UInt8>) { input.append(bytes) }

  /// The next complete command's arguments; nil when more bytes are needed.
  public mutating func next() throws(RESPProtocolError) -> [[UInt8]]? {
    while true {
      if remaining == 0 {
        guard input.position < input.bytes.count else { return nil }
        if input.bytes[input.position] != UInt8(ascii: "*") {
          guard let command = try inlineCommand() else { return nil }
          if command.isEmpty { continue }
          return command
        }
        guard let line = try headerLine(tooBig: "too big mbulk count string") else { return nil }
        let count = RESPNumber.parse(input.bytes[(line.lowerBound + 1)..<line.upperBound])
        guard let count, count <= Int64(Int32.max) else {
          throw RESPProtocolError("Protocol error: invalid multibulk length")
        }
        if count <= 0 { continue }
        remaining = Int(count)
        arguments.reserveCapacity(min(remaining, 1_024))
      }
      while remaining > 0 {
        if bulkLength < 0 {
          guard input.position < input.bytes.count else { return nil }
          // Redis finds the whole `$` line before it looks at its first byte.
          guard let line = try headerLine(tooBig: "too big bulk count string") else { return nil }
          let found = input.bytes[line.lowerBound]
          guard found == UInt8(ascii: "$") else {
            throw RESPProtocolError(bytes: Array("Protocol error: expected '$', got '".utf8) + [found, 39])
          }
          let length = RESPNumber.parse(input.bytes[(line.lowerBound + 1)..<line.upperBound])
          guard let length, length >= 0, length <= Int64(RESP.maxBulkLength) else {
            throw RESPProtocolError("Protocol error: invalid bulk length")
          }
          bulkLength = Int(length)
        }
        guard input.bytes.count - input.position >= bulkLength + 2 else {
          if bulkLength >= Self.bigArgument && input.position > 0 {
            // A big argument gets the buffer to itself from its first byte, so that once complete
            // the buffer becomes the argument instead of being copied (Redis hands its query buffer
            // over the same way): its bytes are held once, not twice.
            input.dropConsumed()
          }
          return nil
        }
        arguments.append(takeBulk())
        bulkLength = -1
        remaining -= 1
      }
      defer { arguments = [] }
      return arguments
    }
  }

  /// Arguments at least this long (Redis's PROTO_MBULK_BIG_ARG) are handed over in the buffer they
  /// arrived in.
  static let bigArgument = 32 * 1024

  /// The complete bulk of `bulkLength` bytes at `position`, and `position` moved past its CR LF.
  private mutating func takeBulk() -> [UInt8] {
    let end = input.position + bulkLength
    guard input.position == 0 && bulkLength >= Self.bigArgument else {
      defer { input.position = end + 2 }
      return Array(input.bytes[input.position..<end])
    }
    return input.takeFront(end, dropping: 2)
  }

  /// Takes the `*N` or `$N` line at `position`, without its CR LF; nil when the CR LF has not arrived.
  private mutating func headerLine(tooBig: String) throws(RESPProtocolError) -> Range<Int>? {
    guard let carriageReturn = lineEnd(13), carriageReturn + 1 < input.bytes.count else {
      if input.bytes.count - input.position > RESP.maxInlineLength {
        throw RESPProtocolError("Protocol error: \(tooBig)")
      }
      return nil
    }
    defer { input.position = carriageReturn + 2 }
    return input.position..<carriageReturn
  }

  /// Reads an inline command line: nil when its LF has not arrived; empty for a blank line.
  private mutating func inlineCommand() throws(RESPProtocolError) -> [[UInt8]]? {
    guard let newline = lineEnd(10) else {
      if input.bytes.count - input.position > RESP.maxInlineLength {
        throw RESPProtocolError("Protocol error: too big inline request")
      }
      return nil
    }
    var end = newline
    if end > input.position && input.bytes[end - 1] == 13 { end -= 1 }
    guard let command = InlineCommand.split(input.bytes[input.position..<end]) else {
      throw RESPProtocolError("Protocol error: unbalanced quotes in request")
    }
    input.position = newline + 1
    return command
  }

  /// Where `terminator` first appears from `position`, searched as Redis's `strchr` does: a NUL byte
  /// ends the search, so a line with a NUL before its end stays pending (until the size limit).
  private func lineEnd(_ terminator: UInt8) -> Int? {
    var index = input.position
    while index < input.bytes.count {
      let byte = input.bytes[index]
      if byte == terminator { return index }
      if byte == 0 { return nil }
      index += 1
    }
    return nil
  }

}
