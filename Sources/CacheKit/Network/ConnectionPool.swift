import Synchronization

/// Idle connections to one server, kept for reuse: a caller takes one (or opens a new one), uses it
/// alone, and gives it back; a connection that failed is dropped instead.
final class ConnectionPool<Connection: AnyObject & Sendable>: Sendable {
  private let idle = Mutex<[Connection]>([])
  private let limit: Int

  init(limit: Int = 8) { self.limit = limit }

  func withConnection<T>(open: () throws -> Connection, _ body: (Connection) throws -> T) throws -> T {
    let connection = try idle.withLock { $0.popLast() } ?? open()
    let result = try body(connection)
    idle.withLock { if $0.count < limit { $0.append(connection) } }
    return result
  }

  func removeAll() { idle.withLock { $0.removeAll() } }
}
