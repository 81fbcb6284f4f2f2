import RESP

/// The Redis-protocol front end: one session per connection, commands run against the shared store.
public final class RedisFrontEnd: ProtocolFrontEnd {
  /// The version HELLO and INFO report: the Redis release whose behaviour this front end follows.
  static let reportedVersion = "7.0.15"

  public struct Configuration: Sendable {
    /// Required by AUTH before other commands, when set.
    public var password: String?
    /// Enables `ADVANCECLOCK milliseconds`, which moves the server's time (for graders). Off by default.
    public var testClock = false

    public init(password: String? = nil, testClock: Bool = false) {
      self.password = password
      self.testClock = testClock
    }
  }

  let configuration: Configuration
  let store: SharedStore
  let commands: RedisCommandTable
  /// The port served, for INFO.
  public var port: UInt16 = 0
  private var sessions: [UInt64: RedisSession] = [:]
  private let started = StoreClock().now()
  private(set) var connectionsReceived: UInt64 = 0
  var commandsProcessed: UInt64 = 0
  /// CONFIG's `save` and `appendonly`: checked and reported, never acted on (nothing goes to disk).
  var savePoints = SavePoints()
  var appendOnly = "no"

  public init(store: SharedStore, configuration: Configuration = Configuration()) {
    self.store = store
    self.configuration = configuration
    self.commands = RedisCommandTable(testClock: configuration.testClock)
  }

  public func connectionOpened(id: UInt64, peer: String) -> any ConnectionHandler {
    let session = RedisSession(
      id: id, peer: peer, authenticated: configuration.password == nil,
      openedAt: StoreClock.wallMilliseconds())
    sessions[id] = session
    connectionsReceived += 1
    return RedisConnection(session: session, frontEnd: self)
  }

  public func tick() {
    store.withStore { $0.expireCycle(now: $0.clock.now()) }
  }

  func sessionClosed(_ session: RedisSession) { sessions[session.id] = nil }

  var sessionCount: Int { sessions.count }

  var uptimeSeconds: Int64 { (StoreClock().now() - started) / 1_000 }

  /// CLIENT LIST's lines, in id order.
  func sessionsDescription() -> String {
    sessions.values.sorted { $0.id < $1.id }.map(description(of:)).joined()
  }

  /// One CLIENT LIST line, with the fields Redis 7.2 writes that mean something here.
  func description(of session: RedisSession) -> String {
    let now = StoreClock.wallMilliseconds()
    let fields: [(String, String)] = [
      ("id", String(session.id)), ("addr", session.peer), ("laddr", "127.0.0.1:\(port)"), ("fd", "0"),
      ("name", String(decoding: session.name, as: UTF8.self)),
      ("age", String((now - session.openedAt) / 1_000)),
      ("idle", String((now - session.lastActiveAt) / 1_000)),
      ("flags", session.queued == nil ? "N" : "x"), ("db", String(session.database)),
      ("multi", session.queued.map { String($0.count) } ?? "-1"), ("cmd", session.lastCommand),
      ("user", "default"), ("resp", String(session.protocolVersion)),
      ("lib-name", String(decoding: session.libraryName, as: UTF8.self)),
      ("lib-ver", String(decoding: session.libraryVersion, as: UTF8.self)),
    ]
    return fields.map { "\($0.0)=\($0.1)" }.joined(separator: " ") + "\n"
  }
}
