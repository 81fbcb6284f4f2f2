import CLinux
import Glibc
import Synchronization

/// One thread's epoll loop: accepts connections on a listening socket, hands what they send to the
/// front end's handlers, writes the replies back in order (see `ConnectionTable`), and calls the front
/// end's `tick` about ten times a second. Non-blocking, one read buffer shared by all connections.
public final class EventLoop {
  static let ticksPerSecond = 10
  static let spinPolls = 50

  private let listener: ListeningSocket
  private let frontEnd: any ProtocolFrontEnd
  private let epoll: Int32
  private let wake: Int32
  private var signals: Int32 = -1
  private let openConnections = Atomic<Int>(0)

  /// The port the loop listens on.
  public var port: UInt16 { listener.port }
  /// How many connections are open now (readable from any thread).
  public var connectionCount: Int { openConnections.load(ordering: .relaxed) }
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
    watch(self.listener.descriptor)
    watch(wake)
  }

  deinit {
    if signals >= 0 { close(signals) }
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
    watch(signals)
  }

  /// Serves until stopped; closes every connection on the way out.
  public func run() {
    var table = ConnectionTable(epoll: epoll)
    var events = [epoll_event](repeating: epoll_event(), count: 256)
    // Copied once: comparing each event with these reads no object state on the hot path.
    let listening = listener.descriptor
    let (wake, signals) = (self.wake, self.signals)
    let tickInterval = Int64(1_000 / Self.ticksPerSecond)
    var nextTick = Self.milliseconds() + tickInterval
    var idlePolls = 0
    var nextConnectionID: UInt64 = 1
    serving: while true {
      // Under load, poll without sleeping for a few empty passes: a client's next request then finds
      // the loop awake instead of paying for a wake-up. Idle, the loop sleeps until the next tick.
      let busy = idlePolls < Self.spinPolls || !table.resumable.isEmpty
      let timeout = busy ? 0 : Int32(max(0, nextTick - Self.milliseconds()))
      let ready = epoll_wait(epoll, &events, Int32(events.count), timeout)
      if ready < 0 && errno != EINTR { break }
      idlePolls = ready > 0 ? 0 : idlePolls + 1
      for index in 0..<max(0, Int(ready)) {
        let descriptor = events[index].data.fd
        if descriptor == listening {
          while let (accepted, peer) = listener.accept() {
            table.open(accepted, handler: frontEnd.connectionOpened(id: nextConnectionID, peer: peer))
            nextConnectionID += 1
          }
        } else if descriptor == wake || descriptor == signals {
          break serving
        } else {
          table.service(descriptor, events: events[index].events)
        }
      }
      table.resumeReading()
      table.flushPass()
      openConnections.store(table.count, ordering: .relaxed)
      let now = Self.milliseconds()
      if now >= nextTick {
        frontEnd.tick()
        nextTick = now + tickInterval
      }
    }
    table.dropAll()
    openConnections.store(0, ordering: .relaxed)
  }

  private func watch(_ descriptor: Int32) {
    var event = epoll_event()
    event.events = EPOLLIN.rawValue
    event.data.fd = descriptor
    epoll_ctl(epoll, EPOLL_CTL_ADD, descriptor, &event)
  }

  static func milliseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Int64(spec.tv_sec) * 1_000 + Int64(spec.tv_nsec) / 1_000_000
  }
}
