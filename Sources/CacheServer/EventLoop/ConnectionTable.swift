import CLinux
import Glibc

/// The open connections of one event loop, indexed by descriptor, with the socket work done on them:
/// reading into the handler, writing its replies, back-pressure and closing. A value owned by the
/// loop's `run()`, so the hot path touches no shared object and needs no runtime exclusivity checks.
///
/// Sockets are watched edge-triggered for input, output and the peer's half-close, once, with no later
/// changes: a read that returns less than asked for has drained the socket, and any byte that arrives
/// after it raises a new edge. Only a connection that stopped with input still queued (its unsent
/// replies reached the high-water mark, so its handler left requests unrun and the socket unread) must
/// be served again without an edge; it waits in `resumable` until its replies drain, then its handler
/// runs what it kept before the socket is read again.
struct ConnectionTable {
  /// Unsent replies beyond which a connection is not read until they drain (back-pressure).
  let outputHighWater: Int
  static let readChunk = 16 * 1024

  struct Connection {
    let handler: any ConnectionHandler
    var output: OutputBuffer
    var closeWhenFlushed = false
    /// Listed in `toFlush`: its replies go out once this pass has read every ready connection.
    var flushPending = false
    /// Reading stopped at the high-water mark, so the socket may still hold input.
    var readStopped = false
    /// Listed in `resumable` already.
    var resumeListed = false

    var pending: Int { output.pending }
  }

  private let epoll: Int32
  private var connections: [Connection?] = []
  private var readBuffer = [UInt8](repeating: 0, count: ConnectionTable.readChunk)
  private var toFlush: [Int32] = []
  /// Connections whose replies drained after reading stopped: read again in the next pass.
  private(set) var resumable: [Int32] = []
  private(set) var count = 0

  init(epoll: Int32, outputHighWater: Int = 1 << 20) {
    self.epoll = epoll
    self.outputHighWater = outputHighWater
  }

  /// Registers an accepted socket and the handler that speaks its protocol.
  mutating func open(_ descriptor: Int32, handler: any ConnectionHandler) {
    let index = Int(descriptor)
    if index >= connections.count {
      connections.append(contentsOf: repeatElement(nil, count: index + 1 - connections.count))
    }
    connections[index] = Connection(handler: handler, output: OutputBuffer(highWater: outputHighWater))
    count += 1
    var event = epoll_event()
    event.events = EPOLLIN.rawValue | EPOLLOUT.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue
    event.data.fd = descriptor
    epoll_ctl(epoll, EPOLL_CTL_ADD, descriptor, &event)
  }

  /// Handles what epoll reported for `descriptor`: writes what was waiting for room, reads what arrived.
  mutating func service(_ descriptor: Int32, events: UInt32) {
    let index = Int(descriptor)
    guard index < connections.count, connections[index] != nil else { return }
    if events & EPOLLOUT.rawValue != 0 && self[open: index].pending > 0 {
      guard flush(descriptor) else { return }
    }
    let ended = EPOLLHUP.rawValue | EPOLLERR.rawValue | EPOLLRDHUP.rawValue
    if events & (EPOLLIN.rawValue | ended) != 0 {
      guard readAvailable(descriptor, untilEnd: events & ended != 0) else { return drop(descriptor) }
    }
    scheduleFlush(descriptor)
  }

  /// Reads the connections whose back-pressure has eased (see `resumable`).
  mutating func resumeReading() {
    guard !resumable.isEmpty else { return }
    let waiting = resumable
    resumable.removeAll(keepingCapacity: true)
    for descriptor in waiting {
      connections[Int(descriptor)]?.resumeListed = false
      service(descriptor, events: EPOLLIN.rawValue)
    }
  }

  /// Sends the replies of every connection read in this pass, as Redis writes its pending replies just
  /// before it waits again: a client with many connections then finds several replies per wake-up.
  mutating func flushPass() {
    for descriptor in toFlush {
      let index = Int(descriptor)
      guard connections[index]?.flushPending == true else { continue }
      self[open: index].flushPending = false
      flush(descriptor)
    }
    toFlush.removeAll(keepingCapacity: true)
  }

  /// Closes every connection (the loop is stopping).
  mutating func dropAll() {
    for index in connections.indices where connections[index] != nil { drop(Int32(index)) }
  }

  private mutating func scheduleFlush(_ descriptor: Int32) {
    let index = Int(descriptor)
    guard connections[index] != nil, !self[open: index].flushPending else { return }
    self[open: index].flushPending = true
    toFlush.append(descriptor)
  }

  /// Reads until the socket is drained or the output passes the high-water mark; false when the
  /// connection failed. End of file marks it to close once its replies are sent. A short read means
  /// drained, except when the peer has already closed: its end of file raises no further edge, so
  /// `untilEnd` reads on until it is seen.
  private mutating func readAvailable(_ descriptor: Int32, untilEnd: Bool) -> Bool {
    let index = Int(descriptor)
    let handler = self[open: index].handler
    if self[open: index].readStopped {
      // Requests the handler kept when its output filled up run before anything new is read.
      self[open: index].readStopped = false
      if case .close = handler.receive(
        UnsafeRawBufferPointer(start: nil, count: 0), output: &self[open: index].output)
      {
        self[open: index].closeWhenFlushed = true
      }
    }
    while !self[open: index].closeWhenFlushed {
      guard self[open: index].pending < outputHighWater else {
        self[open: index].readStopped = true
        return true
      }
      let count = readBuffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count == 0 {
        // The client finished sending; what it sent before still gets its replies, then the close.
        self[open: index].closeWhenFlushed = true
        return true
      }
      if count < 0 {
        if errno == EINTR { continue }
        return errno == EAGAIN || errno == EWOULDBLOCK
      }
      // The connection is reached through `connections`, not `self`, while `readBuffer` is being read.
      let action = readBuffer.withUnsafeBytes { buffer in
        handler.receive(
          UnsafeRawBufferPointer(rebasing: buffer[..<count]), output: &connections[index]!.output)
      }
      if case .close = action { self[open: index].closeWhenFlushed = true }
      if self[open: index].pending >= outputHighWater && !self[open: index].closeWhenFlushed {
        // The handler may have kept requests: run them once the replies drain, before reading again.
        self[open: index].readStopped = true
        return true
      }
      if count < Self.readChunk && !untilEnd { return true }
    }
    return true
  }

  /// Writes what the socket takes; false when the connection is gone (failed, or closed when done).
  @discardableResult
  private mutating func flush(_ descriptor: Int32) -> Bool {
    let index = Int(descriptor)
    guard self[open: index].output.send(to: descriptor) else {
      drop(descriptor)
      return false
    }
    if self[open: index].pending == 0 && self[open: index].closeWhenFlushed {
      drop(descriptor)
      return false
    }
    if self[open: index].readStopped && !self[open: index].resumeListed
      && self[open: index].pending < outputHighWater
    {
      self[open: index].resumeListed = true
      resumable.append(descriptor)
    }
    return true
  }

  /// The open connection at `index`, read and changed in place (it must be open).
  private subscript(open index: Int) -> Connection {
    get { connections[index]! }
    _modify { yield &connections[index]! }
  }

  private mutating func drop(_ descriptor: Int32) {
    let index = Int(descriptor)
    guard let connection = connections[index] else { return }
    connections[index] = nil
    count -= 1
    epoll_ctl(epoll, EPOLL_CTL_DEL, descriptor, nil)
    close(descriptor)
    connection.handler.closed()
  }
}
