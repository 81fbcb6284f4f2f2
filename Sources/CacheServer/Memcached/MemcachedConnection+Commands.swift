import MemcacheText

/// get, gets, gat, gats, incr, decr, delete, touch, flush_all and verbosity (proto_text.c).
extension MemcachedSession {
  mutating func retrieve(_ tokens: MemcacheTokens, _ store: inout Store, cas: Bool, touch: Bool) {
    var deadline: Int64?
    var first = 1
    if touch {
      guard let exptime = MemcacheNumber.int32(tokens[1]) else {
        return reply.line("CLIENT_ERROR invalid exptime argument")
      }
      deadline = MemcachedExpiry.deadline(exptime, now: store.clock.now(), startedAt: shared.startedAt)
      first = 2
    }
    // A key over the limit replaces the whole reply with one error, as memcached drops what it stacked.
    let start = reply.bytes.count
    let now = secondsSinceStart(store)
    for index in first..<tokens.count {
      let token = tokens.slice(index)
      guard token.count <= Self.keyLimit else {
        reply.truncate(to: start)
        return reply.line("CLIENT_ERROR bad command line format")
      }
      if touch { counters.touchCommands += 1 } else { counters.getCommands += 1 }
      let found = store.modify(keyBytes: token, in: 0, bumpSecond: now) { entry -> StoreEntry in
        if let deadline { entry.expiresAt = deadline }
        entry.meta.insert(StoreEntry.MetaState.fetched)
        entry.meta.lastAccess = now
        return entry
      }
      guard let entry = found else {
        if touch { counters.touchMisses += 1 } else { counters.getMisses += 1 }
        continue
      }
      if touch { counters.touchHits += 1 } else { counters.getHits += 1 }
      reply.value(key: token, flags: entry.flags, data: entry.value, cas: cas ? entry.cas : nil)
    }
    reply.line("END")
  }

  mutating func arithmetic(_ tokens: MemcacheTokens, _ store: inout Store, increment: Bool) {
    silent = tokens.hasNoReply
    guard let key = checkedKey(tokens[1]) else { return }
    guard let delta = MemcacheNumber.uint64(tokens[2]) else {
      return status("CLIENT_ERROR invalid numeric delta argument")
    }
    switch addDelta(key: key, increment: increment, delta: delta, requestCas: 0, &store) {
    case .applied(let value, _): status(String(value))
    case .nonNumeric: status("CLIENT_ERROR cannot increment or decrement non-numeric value")
    case .notFound, .casMismatch:
      if increment { counters.incrMisses += 1 } else { counters.decrMisses += 1 }
      status("NOT_FOUND")
    }
  }

  mutating func delete(_ tokens: MemcacheTokens, _ store: inout Store) {
    if tokens.count > 2 {
      let holdIsZero = tokens[2] == [UInt8(ascii: "0")]
      silent = tokens.hasNoReply
      let valid = (tokens.count == 3 && (holdIsZero || silent)) || (tokens.count == 4 && holdIsZero && silent)
      guard valid else {
        return status("CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]")
      }
    }
    guard let key = checkedKey(tokens[1]) else { return }
    if store.delete(key, in: 0) {
      counters.deleteHits += 1
      status("DELETED")
    } else {
      counters.deleteMisses += 1
      status("NOT_FOUND")
    }
  }

  mutating func touch(_ tokens: MemcacheTokens, _ store: inout Store) {
    silent = tokens.hasNoReply
    guard let key = checkedKey(tokens[1]) else { return }
    guard let exptime = MemcacheNumber.int32(tokens[2]) else {
      return status("CLIENT_ERROR invalid exptime argument")
    }
    counters.touchCommands += 1
    let deadline = MemcachedExpiry.deadline(exptime, now: store.clock.now(), startedAt: shared.startedAt)
    let now = secondsSinceStart(store)
    let touched: Void? = store.modify(key, in: 0, touch: true) { entry in
      entry.expiresAt = deadline
      entry.meta.insert(StoreEntry.MetaState.fetched)
      entry.meta.lastAccess = now
    }
    if touched != nil {
      counters.touchHits += 1
      status("TOUCHED")
    } else {
      counters.touchMisses += 1
      status("NOT_FOUND")
    }
  }

  mutating func flushAll(_ tokens: MemcacheTokens, _ store: inout Store) {
    silent = tokens.hasNoReply
    counters.flushCommands += 1
    var delay: Int32 = 0
    if tokens.count != (silent ? 2 : 1) {
      guard let parsed = MemcacheNumber.int32(tokens[1]) else {
        return status("CLIENT_ERROR invalid exptime argument")
      }
      delay = parsed
    }
    let now = store.clock.now()
    shared.scheduleFlush(
      at: delay > 0 ? MemcachedExpiry.deadline(delay, now: now, startedAt: shared.startedAt) : nil, &store)
    status("OK")
  }

  mutating func verbosity(_ tokens: MemcacheTokens) {
    silent = tokens.hasNoReply
    guard let level = MemcacheNumber.uint32(tokens[1]) else {
      return status("CLIENT_ERROR bad command line format")
    }
    shared.setVerbosity(level)
    status("OK")
  }
}
