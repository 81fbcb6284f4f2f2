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

  public init(store: SharedStore, configuration: Configuration = Configuration()) {
    self.store = store
    self.configuration = configuration
    self.commands = RedisCommandTable(testClock: configuration.testClock)
  }

  public func connectionOpened(id: UInt64, peer: String) -> any ConnectionHandler {
    let session = RedisSession(id: id, peer: peer, authenticated: configuration.password == nil)
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

  /// CLIENT LIST's lines.
  func sessionsDescription() -> String {
    sessions.values.sorted { $0.id < $1.id }.map { session in
      "id=\(session.id) addr=\(session.peer) fd=0 name=\(String(decoding: session.name, as: UTF8.self)) "
        + "db=\(session.database) resp=\(session.protocolVersion) cmd=\(session.lastCommand)\n"
    }.joined()
  }
}
