#if canImport(Glibc)
import CLinux
import Glibc
#endif

/// One thread's epoll loop: accepts connections on a listening socket, reads what they send, hands it to
/// the front end's handlers, writes the replies back in order, and calls the front end's `tick` about
/// ten times a second. Level-triggered, non-blocking, one read buffer shared by all connections.
public final class EventLoop {
  /// Unsent replies beyond which a connection is not read until they drain (back-pressure).
  static let outputHighWater = 1 << 20
  static let readChunk = 16 * 1024
  static let ticksPerSecond = 10
  static let spinPolls = 50

  private final class Connection {
    let descriptor: Int32
    let handler: any ConnectionHandler
    var output: [UInt8] = []
    var sent = 0
    var closeWhenFlushed = false
    var interest: UInt32 = 0
    /// Listed in `toFlush`: its replies go out once this pass has read every ready connection.
    var flushPending = false

    init(descriptor: Int32, handler: any ConnectionHandler) {
      self.descriptor = descriptor
      self.handler = handler
    }

    var pending: Int { output.count - sent }
  }

  private let listener: ListeningSocket
  private let frontEnd: any ProtocolFrontEnd
  private let epoll: Int32
  private let wake: Int32
  private var signals: Int32 = -1
  private var connections: [Int32: Connection] = [:]
  private var nextConnectionID: UInt64 = 1
  private var readBuffer = [UInt8](repeating: 0, count: EventLoop.readChunk)
  private var toFlush: [Connection] = []

  /// The port the loop listens on.
  public var port: UInt16 { listener.port }
  /// How many connections are open now.
  public var connectionCount: Int { connections.count }
  /// Stops `run()` from any thread.
  public let stopper: EventLoopStopper

  public init(listener: consuming ListeningSocket, frontEnd: any ProtocolFrontEnd) throws(SocketError) {
    let epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
    guard epoll >= 0 else { throw SocketError("epoll_create1") }
    let wake = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
    guard wake >= 0 else {
      close(epoll)
      throw SocketError("eventfd")
    }
    self.listener = listener
    self.frontEnd = frontEnd
    self.epoll = epoll
    self.wake = wake
    self.stopper = EventLoopStopper(descriptor: wake)
    watch(self.listener.descriptor, events: EPOLLIN.rawValue, operation: EPOLL_CTL_ADD)
    watch(wake, events: EPOLLIN.rawValue, operation: EPOLL_CTL_ADD)
  }

  deinit {
    for connection in connections.values { close(connection.descriptor) }
    if signals >= 0 { close(signals) }
    close(wake)
    close(epoll)
  }

  /// Makes SIGINT and SIGTERM stop `run()` cleanly instead of killing the process. Call it on the thread
  /// that runs the loop before other threads start, so they inherit the blocked signals.
  public func stopOnSignals() throws(SocketError) {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &set, nil)
    signals = signalfd(-1, &set, Int32(SFD_NONBLOCK) | Int32(SFD_CLOEXEC))
    guard signals >= 0 else { throw SocketError("signalfd") }
    watch(signals, events: EPOLLIN.rawValue, operation: EPOLL_CTL_ADD)
  }

  /// Serves until stopped; closes every connection on the way out.
  public func run() {
    var events = [epoll_event](repeating: epoll_event(), count: 256)
    let tickInterval = 1_000 / Self.ticksPerSecond
    var nextTick = Self.milliseconds() + Int64(tickInterval)
    var idlePolls = 0
    serving: while true {
      // Under load, poll without sleeping for a few empty passes: a client's next request then finds
      // the loop awake instead of paying for a wake-up. Idle, the loop sleeps until the next tick.
      let timeout = idlePolls < Self.spinPolls ? 0 : Int32(max(0, nextTick - Self.milliseconds()))
      let ready = epoll_wait(epoll, &events, Int32(events.count), timeout)
      idlePolls = ready > 0 ? 0 : idlePolls + 1
      if ready < 0 && errno != EINTR { break }
      for index in 0..<max(0, Int(ready)) {
        let descriptor = events[index].data.fd
        let flags = events[index].events
        if descriptor == listener.descriptor {
          acceptAll()
        } else if descriptor == wake || descriptor == signals {
          break serving
        } else if let connection = connections[descriptor] {
          service(connection, flags: flags)
        }
      }
      flushPass()
      let now = Self.milliseconds()
      if now >= nextTick {
        frontEnd.tick()
        nextTick = now + Int64(tickInterval)
      }
    }
    for connection in Array(connections.values) { drop(connection) }
  }

  private func acceptAll() {
    while let (descriptor, peer) = listener.accept() {
      let handler = frontEnd.connectionOpened(id: nextConnectionID, peer: peer)
      nextConnectionID += 1
      let connection = Connection(descriptor: descriptor, handler: handler)
      connections[descriptor] = connection
      connection.interest = EPOLLIN.rawValue | EPOLLRDHUP.rawValue
      watch(descriptor, events: connection.interest, operation: EPOLL_CTL_ADD)
    }
  }

  private func service(_ connection: Connection, flags: UInt32) {
    if flags & EPOLLOUT.rawValue != 0 { flush(connection) }
    if flags & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue | EPOLLRDHUP.rawValue) != 0
      && !connection.closeWhenFlushed && connection.pending < Self.outputHighWater
    {
      guard readAvailable(connection) else { return drop(connection) }
    }
    if !connection.flushPending {
      connection.flushPending = true
      toFlush.append(connection)
    }
  }

  /// Sends the replies of every connection read in this pass, as Redis writes its pending replies just
  /// before it waits again: a client with many connections then finds several replies per wake-up.
  private func flushPass() {
    for connection in toFlush where connection.flushPending {
      connection.flushPending = false
      if connections[connection.descriptor] === connection { flush(connection) }
    }
    toFlush.removeAll(keepingCapacity: true)
  }

  /// Reads until the socket is drained or the output is over the high-water mark; false when the
  /// connection failed. End of file marks it to close once its replies are sent.
  private func readAvailable(_ connection: Connection) -> Bool {
    while connection.pending < Self.outputHighWater && !connection.closeWhenFlushed {
      let count = readBuffer.withUnsafeMutableBytes { read(connection.descriptor, $0.baseAddress, $0.count) }
      if count == 0 {
        // The client finished sending; what it sent before still gets its replies, then the close.
        connection.closeWhenFlushed = true
        return true
      }
      if count < 0 {
        if errno == EINTR { continue }
        return errno == EAGAIN || errno == EWOULDBLOCK
      }
      let action = readBuffer.withUnsafeBytes { buffer in
        connection.handler.receive(
          UnsafeRawBufferPointer(rebasing: buffer[..<count]), output: &connection.output)
      }
      if case .close = action { connection.closeWhenFlushed = true }
      if count < Self.readChunk { return true }
    }
    return true
  }

  /// Writes what it can; watches for writability while replies remain; closes when asked and done.
  private func flush(_ connection: Connection) {
    while connection.pending > 0 {
      // send with MSG_NOSIGNAL: a client that vanished must not raise SIGPIPE and kill the server.
      let written = connection.output.withUnsafeBytes {
        send(
          connection.descriptor, $0.baseAddress! + connection.sent, connection.pending, Int32(MSG_NOSIGNAL))
      }
      if written < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN || errno == EWOULDBLOCK { break }
        return drop(connection)
      }
      connection.sent += written
    }
    if connection.pending == 0 {
      connection.output.removeAll(keepingCapacity: connection.output.capacity <= 64 * 1024)
      connection.sent = 0
      if connection.closeWhenFlushed { return drop(connection) }
    }
    // A connection that is only draining its replies listens for nothing but writability: its peer's
    // half-close would otherwise wake the loop on every pass.
    var interest = connection.closeWhenFlushed ? 0 : EPOLLRDHUP.rawValue
    if connection.pending > 0 { interest |= EPOLLOUT.rawValue }
    if connection.pending < Self.outputHighWater && !connection.closeWhenFlushed {
      interest |= EPOLLIN.rawValue
    }
    if interest != connection.interest {
      connection.interest = interest
      watch(connection.descriptor, events: interest, operation: EPOLL_CTL_MOD)
    }
  }

  private func drop(_ connection: Connection) {
    guard connections.removeValue(forKey: connection.descriptor) != nil else { return }
    epoll_ctl(epoll, EPOLL_CTL_DEL, connection.descriptor, nil)
    close(connection.descriptor)
    connection.handler.closed()
  }

  private func watch(_ descriptor: Int32, events: UInt32, operation: Int32) {
    var event = epoll_event()
    event.events = events
    event.data.fd = descriptor
    epoll_ctl(epoll, operation, descriptor, &event)
  }

  static func milliseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Int64(spec.tv_sec) * 1_000 + Int64(spec.tv_nsec) / 1_000_000
  }
}
