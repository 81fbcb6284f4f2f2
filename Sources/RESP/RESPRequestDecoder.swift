/// Turns the bytes a client sends into commands (arrays of arguments), as Redis's networking.c reads
/// its query buffer: multibulk requests and inline commands, split at any byte, many per read.
///
/// It keeps its place across reads, so a long pipeline or a large argument is parsed once, and it never
/// reserves a declared length before the bytes arrive.
public struct RESPRequestDecoder: Sendable {
  private var buffer: [UInt8] = []
  private var position = 0
  private var arguments: [[UInt8]] = []
  /// Arguments still to read in the current multibulk; 0 between commands.
  private var remaining = 0
  /// The declared length of the bulk being read, or -1 before its `$` line.
  private var bulkLength = -1

  public init() {}

  /// Bytes received but not yet consumed.
  public var bufferedByteCount: Int { buffer.count - position }

  public mutating func append(_ bytes: UnsafeRawBufferPointer) {
    compact()
    buffer.append(contentsOf: bytes)
  }

  public mutating func append(_ bytes: some Sequence<UInt8>) {
    compact()
    buffer.append(contentsOf: bytes)
  }

  /// The next complete command's arguments; nil when more bytes are needed.
  public mutating func next() throws(RESPProtocolError) -> [[UInt8]]? {
    while true {
      if remaining == 0 {
        guard position < buffer.count else { return nil }
        if buffer[position] != UInt8(ascii: "*") {
          guard let command = try inlineCommand() else { return nil }
          if command.isEmpty { continue }
          return command
        }
        guard let line = try headerLine(tooBig: "too big mbulk count string") else { return nil }
        let count = RESPNumber.parse(buffer[(line.lowerBound + 1)..<line.upperBound])
        guard let count, count <= Int64(Int32.max) else {
          throw RESPProtocolError("Protocol error: invalid multibulk length")
        }
        if count <= 0 { continue }
        remaining = Int(count)
        arguments.reserveCapacity(min(remaining, 1_024))
      }
      while remaining > 0 {
        if bulkLength < 0 {
          guard position < buffer.count else { return nil }
          // Redis finds the whole `$` line before it looks at its first byte.
          guard let line = try headerLine(tooBig: "too big bulk count string") else { return nil }
          let found = buffer[line.lowerBound]
          guard found == UInt8(ascii: "$") else {
            throw RESPProtocolError(bytes: Array("Protocol error: expected '$', got '".utf8) + [found, 39])
          }
          let length = RESPNumber.parse(buffer[(line.lowerBound + 1)..<line.upperBound])
          guard let length, length >= 0, length <= Int64(RESP.maxBulkLength) else {
            throw RESPProtocolError("Protocol error: invalid bulk length")
          }
          bulkLength = Int(length)
        }
        guard buffer.count - position >= bulkLength + 2 else {
          if bulkLength >= Self.bigArgument && position > 0 {
            // A big argument gets the buffer to itself from its first byte, so that once complete
            // the buffer becomes the argument instead of being copied (Redis hands its query buffer
            // over the same way): its bytes are held once, not twice.
            buffer.removeSubrange(0..<position)
            position = 0
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
    let end = position + bulkLength
    guard position == 0 && bulkLength >= Self.bigArgument else {
      defer { position = end + 2 }
      return Array(buffer[position..<end])
    }
    var argument = buffer
    buffer = Array(buffer[(end + 2)...])
    argument.removeLast(argument.count - end)
    return argument
  }

  /// Takes the `*N` or `$N` line at `position`, without its CR LF; nil when the CR LF has not arrived.
  private mutating func headerLine(tooBig: String) throws(RESPProtocolError) -> Range<Int>? {
    guard let carriageReturn = lineEnd(13), carriageReturn + 1 < buffer.count else {
      if buffer.count - position > RESP.maxInlineLength {
        throw RESPProtocolError("Protocol error: \(tooBig)")
      }
      return nil
    }
    defer { position = carriageReturn + 2 }
    return position..<carriageReturn
  }

  /// Reads an inline command line: nil when its LF has not arrived; empty for a blank line.
  private mutating func inlineCommand() throws(RESPProtocolError) -> [[UInt8]]? {
    guard let newline = lineEnd(10) else {
      if buffer.count - position > RESP.maxInlineLength {
        throw RESPProtocolError("Protocol error: too big inline request")
      }
      return nil
    }
    var end = newline
    if end > position && buffer[end - 1] == 13 { end -= 1 }
    guard let command = InlineCommand.split(buffer[position..<end]) else {
      throw RESPProtocolError("Protocol error: unbalanced quotes in request")
    }
    position = newline + 1
    return command
  }

  /// Where `terminator` first appears from `position`, searched as Redis's `strchr` does: a NUL byte
  /// ends the search, so a line with a NUL before its end stays pending (until the size limit).
  private func lineEnd(_ terminator: UInt8) -> Int? {
    var index = position
    while index < buffer.count {
      let byte = buffer[index]
      if byte == terminator { return index }
      if byte == 0 { return nil }
      index += 1
    }
    return nil
  }

  /// Drops consumed bytes once they are most of the buffer, so memory tracks what is pending.
  private mutating func compact() {
    if position == buffer.count {
      buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
      position = 0
    } else if position > 4_096 && position * 2 > buffer.count {
      buffer.removeSubrange(0..<position)
      position = 0
    }
  }
}
