import MemcacheText

/// set, add, replace, append, prepend, cas (proto_text.c process_update_command, do_store_item), delete
/// and touch.
enum MemcachedStorageCommands {
  /// The handler of a storage command: it reads the line and asks for the data block.
  static func storage(_ command: MemcachedSession.StorageCommand) -> MemcachedCommand.Handler {
    { session, tokens, store in begin(command, &session, tokens, &store) }
  }

  private static func begin(
    _ command: MemcachedSession.StorageCommand, _ session: inout MemcachedSession, _ tokens: MemcacheTokens,
    _ store: inout Store
  ) {
    session.silent = tokens.hasNoReply
    guard let key = session.checkedKey(tokens[1]) else { return }
    guard let flags = MemcacheNumber.uint32(tokens[2]), let exptime = MemcacheNumber.int32(tokens[3]),
      let length = MemcacheNumber.int32(tokens[4])
    else { return session.status("CLIENT_ERROR bad command line format") }
    var cas: UInt64 = 0
    if command == .cas {
      guard let unique = MemcacheNumber.uint64(tokens[5]) else {
        return session.status("CLIENT_ERROR bad command line format")
      }
      cas = unique
    }
    guard length >= 0, length <= Int32.max - 2 else {
      return session.status("CLIENT_ERROR bad command line format")
    }
    let blockLength = Int(length) + 2
    guard
      MemcachedItemSize.fits(
        keyLength: key.bytes.count, valueLength: Int(length), flags: flags,
        limit: session.shared.configuration.itemSizeLimit)
    else {
      session.status("SERVER_ERROR object too large for cache")
      session.counters.storeTooLarge += 1
      session.decoder.swallow(count: blockLength)
      // A failed set must not leave the old value readable.
      if command == .set { store.delete(key, in: 0) }
      return
    }
    session.pendingStore = MemcachedSession.PendingStore(
      command: command, key: key.bytes, flags: flags, exptime: exptime, cas: cas, noReply: session.silent)
    session.decoder.expectData(count: blockLength)
  }

  /// The data block of a storage command has arrived: store it by the command's rule.
  static func finish(
    _ pending: MemcachedSession.PendingStore, _ value: [UInt8], terminated: Bool,
    _ session: inout MemcachedSession, _ store: inout Store
  ) {
    session.counters.setCommands += 1
    guard terminated else { return session.status("CLIENT_ERROR bad data chunk") }
    let deadline = MemcachedExpiry.deadline(
      pending.exptime, now: store.clock.now(), startedAt: session.shared.startedAt)
    let outcome = session.storeItem(
      pending.command, key: StoreKey(pending.key), value: value, flags: pending.flags,
      deadline: deadline, requestCas: pending.cas, &store)
    switch outcome {
    case .stored: session.status("STORED")
    case .exists: session.status("EXISTS")
    case .notFound: session.status("NOT_FOUND")
    case .notStored: session.status("NOT_STORED")
    case .outOfMemory: session.status("SERVER_ERROR out of memory storing object")
    }
  }

  static func delete(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    if tokens.count > 2 {
      let holdIsZero = tokens[2] == [UInt8(ascii: "0")]
      session.silent = tokens.hasNoReply
      let valid =
        (tokens.count == 3 && (holdIsZero || session.silent))
        || (tokens.count == 4 && holdIsZero && session.silent)
      guard valid else {
        return session.status("CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]")
      }
    }
    guard let key = session.checkedKey(tokens[1]) else { return }
    let deleted = store.delete(key, in: 0)
    if deleted { session.counters.deleteHits += 1 } else { session.counters.deleteMisses += 1 }
    session.status(deleted ? "DELETED" as StaticString : "NOT_FOUND")
  }

  static func touch(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    session.silent = tokens.hasNoReply
    guard let key = session.checkedKey(tokens[1]) else { return }
    guard let exptime = MemcacheNumber.int32(tokens[2]) else {
      return session.status("CLIENT_ERROR invalid exptime argument")
    }
    session.counters.touchCommands += 1
    let deadline = MemcachedExpiry.deadline(
      exptime, now: store.clock.now(), startedAt: session.shared.startedAt)
    let now = session.secondsSinceStart(store)
    let touched: Void? = store.modify(key, in: 0, touch: true) { entry in
      entry.expiresAt = deadline
      entry.meta.insert(StoreEntry.MetaState.fetched)
      entry.meta.lastAccess = now
    }
    if touched != nil { session.counters.touchHits += 1 } else { session.counters.touchMisses += 1 }
    session.status(touched != nil ? "TOUCHED" as StaticString : "NOT_FOUND")
  }
}
