import MemcacheText

/// get, gets, gat, gats and bget (proto_text.c process_get_command): a VALUE block per hit, then END.
enum MemcachedRetrievalCommands {
  /// The handler of a retrieval command: `cas` adds each item's cas unique, `touch` (gat, gats) takes
  /// an exptime before the keys and sets it on every hit.
  static func retrieval(cas: Bool, touch: Bool) -> MemcachedCommand.Handler {
    { session, tokens, store in retrieve(&session, tokens, &store, cas: cas, touch: touch) }
  }

  private static func retrieve(
    _ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store, cas: Bool, touch: Bool
  ) {
    var deadline: Int64?
    var first = 1
    if touch {
      guard let exptime = MemcacheNumber.int32(tokens[1]) else {
        return session.reply.line("CLIENT_ERROR invalid exptime argument")
      }
      deadline = MemcachedExpiry.deadline(
        exptime, now: store.clock.now(), startedAt: session.shared.startedAt)
      first = 2
    }
    // A key over the limit replaces the whole reply with one error, as memcached drops what it stacked.
    let start = session.reply.bytes.count
    let now = session.secondsSinceStart(store)
    for index in first..<tokens.count {
      let token = tokens.slice(index)
      guard token.count <= MemcachedSession.keyLimit else {
        session.reply.truncate(to: start)
        return session.reply.line("CLIENT_ERROR bad command line format")
      }
      if touch { session.counters.touchCommands += 1 } else { session.counters.getCommands += 1 }
      let found = store.modify(keyBytes: token, in: 0, bumpSecond: now) { entry -> StoreEntry in
        if let deadline { entry.expiresAt = deadline }
        entry.meta.insert(StoreEntry.MetaState.fetched)
        entry.meta.lastAccess = now
        return entry
      }
      guard let entry = found else {
        if touch { session.counters.touchMisses += 1 } else { session.counters.getMisses += 1 }
        continue
      }
      if touch { session.counters.touchHits += 1 } else { session.counters.getHits += 1 }
      session.reply.value(key: token, flags: entry.flags, data: entry.value, cas: cas ? entry.cas : nil)
    }
    session.reply.line("END")
  }
}
