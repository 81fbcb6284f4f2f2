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

  init(id: UInt64, peer: String, authenticated: Bool) {
    self.id = id
    self.peer = peer
    self.authenticated = authenticated
  }
}
