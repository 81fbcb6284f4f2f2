/// The counters memcached's `stats` reports beside the store's own (hits, misses, evictions), kept per
/// connection during a read and added to the server's total once per read.
struct MemcachedCounters: Sendable {
  var getCommands: UInt64 = 0
  var setCommands: UInt64 = 0
  var touchCommands: UInt64 = 0
  var flushCommands: UInt64 = 0
  var getHits: UInt64 = 0
  var getMisses: UInt64 = 0
  var getExpired: UInt64 = 0
  var deleteHits: UInt64 = 0
  var deleteMisses: UInt64 = 0
  var incrHits: UInt64 = 0
  var incrMisses: UInt64 = 0
  var decrHits: UInt64 = 0
  var decrMisses: UInt64 = 0
  var casHits: UInt64 = 0
  var casMisses: UInt64 = 0
  var casBadValue: UInt64 = 0
  var touchHits: UInt64 = 0
  var touchMisses: UInt64 = 0
  var storeTooLarge: UInt64 = 0
  var storeNoMemory: UInt64 = 0
  var totalItems: UInt64 = 0
  var bytesRead: UInt64 = 0
  var bytesWritten: UInt64 = 0

  /// Adds `other` into these counters.
  mutating func add(_ other: MemcachedCounters) {
    getCommands += other.getCommands
    setCommands += other.setCommands
    touchCommands += other.touchCommands
    flushCommands += other.flushCommands
    getHits += other.getHits
    getMisses += other.getMisses
    getExpired += other.getExpired
    deleteHits += other.deleteHits
    deleteMisses += other.deleteMisses
    incrHits += other.incrHits
    incrMisses += other.incrMisses
    decrHits += other.decrHits
    decrMisses += other.decrMisses
    casHits += other.casHits
    casMisses += other.casMisses
    casBadValue += other.casBadValue
    touchHits += other.touchHits
    touchMisses += other.touchMisses
    storeTooLarge += other.storeTooLarge
    storeNoMemory += other.storeNoMemory
    totalItems += other.totalItems
    bytesRead += other.bytesRead
    bytesWritten += other.bytesWritten
  }
}
