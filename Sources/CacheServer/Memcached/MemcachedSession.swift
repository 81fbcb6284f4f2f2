import MemcacheText

/// One client's state on the Memcached front end: its decoder and reply buffer, the counters it has
/// not yet added to the server's, and a storage command waiting for its data block.
struct MemcachedSession {
  let shared: MemcachedShared
  let commands: MemcachedCommandTable
  var decoder = MemcacheRequestDecoder()
  var reply = MemcacheReply(referenceThreshold: OutputBuffer.referenceThreshold)
  var counters = MemcachedCounters()
  /// A storage command whose data block has not arrived yet.
  var pendingStore: PendingStore?
  /// An `ms` whose data block has not arrived yet.
  var pendingMeta: PendingMetaSet?
  /// Set by a command with `noreply`: its status line is not written.
  var silent = false
  /// Nothing has been read yet (a binary-protocol first byte closes the connection).
  var isFirstRead = true

  struct PendingStore {
    let command: StorageCommand
    let key: [UInt8]
    let flags: UInt32
    let exptime: Int32
    let cas: UInt64
    let noReply: Bool
  }

  struct PendingMetaSet {
    let command: StorageCommand
    let flags: MetaFlags
    let echoes: [[UInt8]]
  }

  enum StorageCommand { case set, add, replace, append, prepend, cas }

  static let keyLimit = 250

  init(shared: MemcachedShared, commands: MemcachedCommandTable) {
    self.shared = shared
    self.commands = commands
  }

  /// Writes a status line unless the command asked for `noreply` (memcached's out_string).
  mutating func status(_ text: StaticString) {
    if silent { return }
    reply.line(text)
  }

  mutating func status(_ text: String) {
    if silent { return }
    reply.line(text)
  }

  /// A key as a command line carries it; nil (after the error) when it is over memcached's 250 bytes.
  mutating func checkedKey(_ token: [UInt8]) -> StoreKey? {
    guard token.count <= Self.keyLimit else {
      status("CLIENT_ERROR bad command line format")
      return nil
    }
    return StoreKey(token)
  }
}
