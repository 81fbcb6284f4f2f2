/// One client's state on the Redis front end.
final class RedisSession {
  let id: UInt64
  let peer: String
  var database = 0
  var protocolVersion = 2
  var name: [UInt8] = []
  var authenticated: Bool
  /// Commands queued after MULTI; nil outside a transaction.
  var queued: [[[UInt8]]]?
  /// A command failed to queue, so EXEC must abort.
  var transactionFailed = false
  var lastCommand = "NULL"
  /// What CLIENT SETINFO recorded.
  var libraryName: [UInt8] = []
  var libraryVersion: [UInt8] = []
  /// When the connection opened and when it last sent a command, in store milliseconds.
  let openedAt: Int64
  var lastActiveAt: Int64

  init(id: UInt64, peer: String, authenticated: Bool, openedAt: Int64) {
    self.id = id
    self.peer = peer
    self.authenticated = authenticated
    self.openedAt = openedAt
    self.lastActiveAt = openedAt
  }
}
