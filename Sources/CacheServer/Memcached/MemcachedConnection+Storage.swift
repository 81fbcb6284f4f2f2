import MemcacheText

/// set, add, replace, append, prepend and cas (proto_text.c process_update_command, do_store_item).
extension MemcachedSession {
  mutating func beginStore(_ command: StorageCommand, _ tokens: MemcacheTokens, _ store: inout Store) {
    silent = tokens.hasNoReply
    guard let key = checkedKey(tokens[1]) else { return }
    guard let flags = MemcacheNumber.uint32(tokens[2]), let exptime = MemcacheNumber.int32(tokens[3]),
      let length = MemcacheNumber.int32(tokens[4])
    else { return status("CLIENT_ERROR bad command line format") }
    var cas: UInt64 = 0
    if command == .cas {
      guard let unique = MemcacheNumber.uint64(tokens[5]) else {
        return status("CLIENT_ERROR bad command line format")
      }
      cas = unique
    }
    guard length >= 0, length <= Int32.max - 2 else { return status("CLIENT_ERROR bad command line format") }
    let blockLength = Int(length) + 2
    guard
      MemcachedItemSize.fits(
        keyLength: key.bytes.count, valueLength: Int(length), flags: flags,
        limit: shared.configuration.itemSizeLimit)
    else {
      status("SERVER_ERROR object too large for cache")
      counters.storeTooLarge += 1
      decoder.swallow(count: blockLength)
      // A failed set must not leave the old value readable.
      if command == .set { store.delete(key, in: 0) }
      return
    }
    pendingStore = PendingStore(
      command: command, key: key.bytes, flags: flags, exptime: exptime, cas: cas, noReply: silent)
    decoder.expectData(count: blockLength)
  }

  mutating func completeStore(
    _ pending: PendingStore, _ value: [UInt8], terminated: Bool, _ store: inout Store
  ) {
    counters.setCommands += 1
    guard terminated else { return status("CLIENT_ERROR bad data chunk") }
    let deadline = MemcachedExpiry.deadline(
      pending.exptime, now: store.clock.now(), startedAt: shared.startedAt)
    let outcome = storeItem(
      pending.command, key: StoreKey(pending.key), value: value, flags: pending.flags,
      deadline: deadline, requestCas: pending.cas, &store)
    switch outcome {
    case .stored: status("STORED")
    case .exists: status("EXISTS")
    case .notFound: status("NOT_FOUND")
    case .notStored: status("NOT_STORED")
    case .outOfMemory: status("SERVER_ERROR out of memory storing object")
    }
  }
}
