import Glibc

/// One connection's unsent replies: small replies copied into a buffer, and large stored values held
/// by reference instead of copied (a value is an immutable array, so holding it costs a reference
/// count, as memcached holds a reference to an item it is sending). Sent in order with `writev`.
///
/// `isFull` is the back-pressure signal: a front end stops running a connection's requests once its
/// unsent replies reach the high-water mark, and the event loop stops reading it until they drain.
public struct OutputBuffer {
  /// Unsent bytes (copied and referenced) at which the connection stops taking requests.
  public let highWater: Int
  /// The replies in order; the last one may be a copy buffer that small replies are appended to.
  private var chunks: [[UInt8]] = []
  /// Whether the last chunk is our own copy buffer (never a referenced value, which must not change).
  private var lastIsOwned = false
  private var head = 0
  private var sentOfHead = 0
  /// Bytes not yet sent.
  public private(set) var pending = 0

  /// Values at least this long are referenced rather than copied.
  public static let referenceThreshold = 16 * 1024
  static let maxVectors = 64

  public init(highWater: Int) {
    self.highWater = highWater
  }

  /// True once the unsent replies reach the high-water mark.
  public var isFull: Bool { pending >= highWater }

  /// Appends `bytes`, with each of `references` inserted at its offset in `bytes` (offsets ascending),
  /// as the protocol writers hand over a batch of replies.
  public mutating func append(_ bytes: [UInt8], references: [(offset: Int, value: [UInt8])] = []) {
    var start = 0
    for reference in references {
      copy(bytes[start..<reference.offset])
      refer(reference.value)
      start = reference.offset
    }
    copy(bytes[start...])
  }

  /// `append`, taking `bytes` whole when nothing is pending (the common case: a batch of replies to a
  /// connection that keeps up), so they are not copied; `bytes` is left empty, with a buffer to reuse.
  public mutating func append(taking bytes: inout [UInt8], references: [(offset: Int, value: [UInt8])]) {
    guard pending == 0, references.isEmpty, !bytes.isEmpty else {
      append(bytes, references: references)
      bytes.removeAll(keepingCapacity: true)
      return
    }
    var spare = chunks.popLast() ?? []
    chunks.removeAll(keepingCapacity: true)
    head = 0
    sentOfHead = 0
    spare.removeAll(keepingCapacity: true)
    swap(&spare, &bytes)
    chunks.append(spare)
    lastIsOwned = true
    pending = spare.count
  }

  private mutating func copy(_ bytes: ArraySlice<UInt8>) {
    guard !bytes.isEmpty else { return }
    if lastIsOwned {
      chunks[chunks.count - 1].append(contentsOf: bytes)
    } else {
      chunks.append(Array(bytes))
      lastIsOwned = true
    }
    pending += bytes.count
  }

  private mutating func refer(_ value: [UInt8]) {
    guard !value.isEmpty else { return }
    chunks.append(value)
    lastIsOwned = false
    pending += value.count
  }

  /// Writes what `descriptor` takes without blocking; false when the connection failed.
  mutating func send(to descriptor: Int32) -> Bool {
    while pending > 0 {
      let written = chunks.count - head == 1 ? sendHead(descriptor) : sendVector(descriptor)
      if written < 0 {
        if errno == EINTR { continue }
        return errno == EAGAIN || errno == EWOULDBLOCK
      }
      consume(written)
    }
    return true
  }

  private func sendHead(_ descriptor: Int32) -> Int {
    // MSG_NOSIGNAL: a client that vanished must not raise SIGPIPE and kill the server.
    chunks[head].withUnsafeBytes {
      Glibc.send(descriptor, $0.baseAddress! + sentOfHead, $0.count - sentOfHead, Int32(MSG_NOSIGNAL))
    }
  }

  private func sendVector(_ descriptor: Int32) -> Int {
    let count = min(chunks.count - head, Self.maxVectors)
    return withUnsafeTemporaryAllocation(of: iovec.self, capacity: count) { vectors in
      // The arrays outlive the call: `chunks` holds them, unchanged until `consume`.
      for index in 0..<count {
        chunks[head + index].withUnsafeBytes { bytes in
          let skip = index == 0 ? sentOfHead : 0
          vectors[index] = iovec(
            iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress! + skip),
            iov_len: bytes.count - skip)
        }
      }
      var message = msghdr()
      message.msg_iov = vectors.baseAddress
      message.msg_iovlen = count
      return sendmsg(descriptor, &message, Int32(MSG_NOSIGNAL))
    }
  }

  /// Drops `count` sent bytes from the front, releasing referenced values as they go out.
  private mutating func consume(_ count: Int) {
    pending -= count
    var left = count
    while left > 0 {
      let rest = chunks[head].count - sentOfHead
      if left < rest {
        sentOfHead += left
        return
      }
      left -= rest
      sentOfHead = 0
      if head < chunks.count - 1 { chunks[head] = [] }
      head += 1
    }
    if pending > 0 {
      if head >= 1_024 && head * 2 >= chunks.count {
        chunks.removeFirst(head)
        head = 0
      }
      return
    }
    // All sent: keep a modest copy buffer for the next replies, let a big one or a value go.
    var buffer = chunks.removeLast()
    chunks.removeAll(keepingCapacity: chunks.capacity <= 64)
    head = 0
    if lastIsOwned && buffer.capacity <= 64 * 1024 {
      buffer.removeAll(keepingCapacity: true)
      chunks.append(buffer)
    } else {
      lastIsOwned = false
    }
  }
}
