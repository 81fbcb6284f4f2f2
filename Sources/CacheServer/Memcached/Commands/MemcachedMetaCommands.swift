import MemcacheText

/// The meta commands mg, ms, md, ma and mn (proto_text.c process_m*_command): status codes of two letters,
/// flags echoed in the order asked, and `q` to hide the nominal replies in pipelines.
enum MemcachedMetaCommands {
  /// `mn`: a pipeline's end marker.
  static func noOp(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    session.reply.line("MN")
  }

  /// Checks shared by the meta commands: token count, key length, flag count. False after replying.
  private static func preamble(
    _ session: inout MemcachedSession, _ tokens: MemcacheTokens, tooLong: StaticString
  ) -> Bool {
    guard tokens.count >= 2 else {
      session.reply.line("ERROR")
      return false
    }
    guard tokens[1].count <= MemcachedSession.keyLimit else {
      session.reply.line("CLIENT_ERROR bad command line format")
      return false
    }
    guard tokens.count + 1 <= MetaFlags.maxTokens else {
      session.reply.line(tooLong)
      return false
    }
    return true
  }

  /// ` O<opaque>` and ` k<key>` (base64 and ` b` for a binary key); nil when an opaque is too long.
  private static func echo(_ token: [UInt8], key: [UInt8], binary: Bool) -> [UInt8]? {
    switch token[0] {
    case UInt8(ascii: "O"):
      guard token.count <= MetaFlags.maxOpaqueLength else { return nil }
      return [32] + token
    case UInt8(ascii: "k"):
      return Array(" k".utf8) + (binary ? Base64.encode(key) + Array(" b".utf8) : key)
    default:
      return []
    }
  }

  /// md's and ma's checks and their flags from index 2; nil after replying.
  private static func checkedFlags(
    _ session: inout MemcachedSession, _ tokens: MemcacheTokens, now: Int64
  ) -> MetaFlags? {
    guard preamble(&session, tokens, tooLong: "CLIENT_ERROR options flags too long") else { return nil }
    guard
      case .success(let flags) = MetaFlags.parse(
        tokens, from: 2, now: now, startedAt: session.shared.startedAt)
    else {
      session.reply.line("CLIENT_ERROR invalid or duplicate flag")
      return nil
    }
    return flags
  }

  /// The echoes of every flag from index 2, in order; nil after replying that an opaque is too long.
  private static func echoes(
    _ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ flags: MetaFlags
  ) -> [UInt8]? {
    var echoes: [UInt8] = []
    for index in 2..<tokens.count {
      guard let echoed = echo(tokens[index], key: flags.key, binary: flags.binaryKey) else {
        session.reply.line("CLIENT_ERROR opaque token too long")
        return nil
      }
      echoes += echoed
    }
    return echoes
  }

  static func get(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    guard preamble(&session, tokens, tooLong: "CLIENT_ERROR options flags are too long") else { return }
    let flags: MetaFlags
    switch MetaFlags.parse(tokens, from: 2, now: store.clock.now(), startedAt: session.shared.startedAt) {
    case .failure(let error): return session.reply.line(error.line)
    case .success(let parsed): flags = parsed
    }
    let key = StoreKey(flags.key)
    let now = session.secondsSinceStart(store)
    var created = false
    if store.peek(key, in: 0) == nil, flags.vivify != nil {
      _ = session.save(key, StoreEntry(value: []), &store)
      created = true
    }
    let clock = store.clock
    // Flags that need the item's state before this fetch (l, h) or change it (T, N, R) make memcached
    // bump the item after answering, and only on success; otherwise it bumps while fetching.
    let bumpsLate = tokens.tokens.dropFirst(2).contains { "lhTNR".utf8.contains($0[0]) }
    // The value goes out after the status line, referenced rather than copied when it is large.
    var value: [UInt8]?
    let outcome = store.modify(key, in: 0, touch: !flags.noBump) { entry -> [UInt8]? in
      if !flags.noBump && !bumpsLate {
        entry.meta.insert(StoreEntry.MetaState.fetched)
        entry.meta.lastAccess = now
      }
      var line = Array((flags.returnValue ? "VA \(entry.value.count)" : "HD").utf8)
      var won = false
      for index in 2..<tokens.count {
        let token = tokens[index]
        switch token[0] {
        case UInt8(ascii: "T"): entry.expiresAt = flags.ttl ?? entry.expiresAt
        case UInt8(ascii: "N"):
          if created {
            entry.expiresAt = flags.vivify ?? entry.expiresAt
            won = true
          }
        case UInt8(ascii: "R"):
          if !entry.meta.contains(StoreEntry.MetaState.tokenSent) && !created && entry.hasExpiry,
            let recache = flags.recache, entry.expiresAt < recache
          {
            won = true
          }
        case UInt8(ascii: "s"): line += Array(" s\(entry.value.count)".utf8)
        case UInt8(ascii: "t"):
          let remaining =
            entry.hasExpiry ? String(MemcachedExpiry.secondsLeft(entry.expiresAt, now: clock.now())) : "-1"
          line += Array(" t\(remaining)".utf8)
        case UInt8(ascii: "c"): line += Array(" c\(entry.cas)".utf8)
        case UInt8(ascii: "f"): line += Array(" f\(entry.flags)".utf8)
        case UInt8(ascii: "l"): line += Array(" l\(now &- entry.meta.lastAccess)".utf8)
        case UInt8(ascii: "h"):
          line += Array((entry.meta.contains(StoreEntry.MetaState.fetched) ? " h1" : " h0").utf8)
        default:
          guard let echoed = echo(token, key: flags.key, binary: flags.binaryKey) else { return nil }
          line += echoed
        }
      }
      if entry.meta.contains(StoreEntry.MetaState.tokenSent) { line += Array(" Z".utf8) }
      if entry.meta.contains(StoreEntry.MetaState.stale) {
        line += Array(" X".utf8)
        if !entry.meta.contains(StoreEntry.MetaState.tokenSent) { won = true }
      }
      if won {
        line += Array(" W".utf8)
        entry.meta.insert(StoreEntry.MetaState.tokenSent)
      }
      line += [13, 10]
      if flags.returnValue { value = entry.value }
      if !flags.noBump && bumpsLate {
        entry.meta.insert(StoreEntry.MetaState.fetched)
        entry.meta.lastAccess = now
      }
      return line
    }
    switch outcome {
    case .some(.some(let line)):
      if flags.ttl != nil { session.counters.touchHits += 1 } else { session.counters.getHits += 1 }
      session.reply.append(bytes: line)
      if let value {
        session.reply.data(value)
        session.reply.crlf()
      }
    case .some(.none):
      session.reply.line("CLIENT_ERROR opaque token too long")
    case .none:
      if flags.ttl != nil { session.counters.touchMisses += 1 } else { session.counters.getMisses += 1 }
      guard let echoes = echoes(&session, tokens, flags) else { return }
      if !flags.quiet {
        session.reply.append(bytes: Array("EN".utf8) + echoes)
        session.reply.crlf()
      }
    }
  }

  static func set(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    guard preamble(&session, tokens, tooLong: "CLIENT_ERROR options flags too long") else { return }
    guard tokens.count > 2, let length = MemcacheNumber.int32(tokens[2]), length >= 0, length <= Int32.max - 2
    else { return session.reply.line("CLIENT_ERROR bad command line format") }
    let blockLength = Int(length) + 2
    func refuse(_ line: String) {
      session.decoder.swallow(count: blockLength)
      session.reply.line(line)
    }
    let flags: MetaFlags
    switch MetaFlags.parse(tokens, from: 3, now: store.clock.now(), startedAt: session.shared.startedAt) {
    case .failure(let error): return refuse(error.line)
    case .success(let parsed): flags = parsed
    }
    var echoes: [[UInt8]] = []
    var opaqueTooLong = false
    for index in 3..<tokens.count
    where [UInt8(ascii: "O"), UInt8(ascii: "k"), UInt8(ascii: "c")].contains(tokens[index][0]) {
      if tokens[index][0] == UInt8(ascii: "O") && tokens[index].count > MetaFlags.maxOpaqueLength {
        opaqueTooLong = true
      }
      echoes.append(tokens[index])
    }
    var command: MemcachedSession.StorageCommand
    switch flags.mode {
    case 0, UInt8(ascii: "S"): command = .set
    case UInt8(ascii: "E"): command = .add
    case UInt8(ascii: "A"): command = .append
    case UInt8(ascii: "P"): command = .prepend
    case UInt8(ascii: "R"): command = .replace
    default: return refuse("CLIENT_ERROR invalid mode for ms M token")
    }
    if flags.compareCas != nil && (command == .set || command == .replace) { command = .cas }
    guard !opaqueTooLong else { return refuse("CLIENT_ERROR opaque token too long") }
    guard
      MemcachedItemSize.fits(
        keyLength: flags.key.count, valueLength: Int(length), flags: flags.clientFlags,
        limit: session.shared.configuration.itemSizeLimit)
    else {
      session.counters.storeTooLarge += 1
      store.delete(StoreKey(flags.key), in: 0)
      return refuse("SERVER_ERROR object too large for cache")
    }
    session.pendingMeta = MemcachedSession.PendingMetaSet(command: command, flags: flags, echoes: echoes)
    session.decoder.expectData(count: blockLength)
  }

  /// The data block of an `ms` has arrived: store it by the mode and flags its line asked for.
  static func finishSet(
    _ pending: MemcachedSession.PendingMetaSet, _ value: [UInt8], terminated: Bool,
    _ session: inout MemcachedSession, _ store: inout Store
  ) {
    session.counters.setCommands += 1
    guard terminated else { return session.reply.line("CLIENT_ERROR bad data chunk") }
    let flags = pending.flags
    let outcome = session.storeItem(
      pending.command, key: StoreKey(flags.key), value: value, flags: flags.clientFlags,
      deadline: flags.ttl ?? StoreEntry.never, requestCas: flags.compareCas ?? 0,
      allowStale: flags.invalidate && pending.command == .cas, &store)
    var line: [UInt8]
    var newCas: UInt64 = 0
    switch outcome {
    case .stored(let cas):
      if flags.binaryKey {
        _ = store.modify(StoreKey(flags.key), in: 0) { $0.meta.insert(StoreEntry.MetaState.binaryKey) }
      }
      if flags.quiet { return }
      line = Array("HD".utf8)
      newCas = cas
    case .exists: line = Array("EX".utf8)
    case .notFound: line = Array("NF".utf8)
    case .notStored: line = Array("NS".utf8)
    case .outOfMemory: return session.reply.line("SERVER_ERROR out of memory storing object")
    }
    for token in pending.echoes {
      if token[0] == UInt8(ascii: "c") {
        line += Array(" c\(newCas)".utf8)
      } else if let echoed = echo(token, key: flags.key, binary: flags.binaryKey) {
        line += echoed
      }
    }
    session.reply.append(bytes: line)
    session.reply.crlf()
  }

  static func delete(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    guard let flags = checkedFlags(&session, tokens, now: store.clock.now()) else { return }
    guard let echoes = echoes(&session, tokens, flags) else { return }
    let key = StoreKey(flags.key)
    let code: String
    if let entry = store.peek(key, in: 0) {
      if let compare = flags.compareCas, compare != entry.cas {
        session.counters.deleteMisses += 1
        code = "EX"
      } else if flags.invalidate {
        let cas = session.shared.nextCas()
        _ = store.modify(key, in: 0) { entry in
          if let ttl = flags.ttl { entry.expiresAt = ttl }
          entry.meta.insert(StoreEntry.MetaState.stale)
          entry.meta.remove(StoreEntry.MetaState.tokenSent)
          entry.cas = cas
        }
        if flags.quiet { return }
        code = "HD"
      } else {
        session.counters.deleteHits += 1
        store.delete(key, in: 0)
        if flags.quiet { return }
        code = "HD"
      }
    } else {
      session.counters.deleteMisses += 1
      code = "NF"
    }
    session.reply.append(bytes: Array(code.utf8) + echoes)
    session.reply.crlf()
  }

  static func arithmetic(_ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store) {
    guard let flags = checkedFlags(&session, tokens, now: store.clock.now()) else { return }
    let increment: Bool
    switch flags.mode {
    case 0, UInt8(ascii: "I"), UInt8(ascii: "+"): increment = true
    case UInt8(ascii: "D"), UInt8(ascii: "-"): increment = false
    default: return session.reply.line("CLIENT_ERROR invalid mode for ma M token")
    }
    let key = StoreKey(flags.key)
    let code: [UInt8]
    var result: (value: UInt64, created: Bool)?
    switch session.addDelta(
      key: key, increment: increment, delta: flags.delta, requestCas: flags.compareCas ?? 0, &store)
    {
    case .applied(let value, _):
      result = (value, false)
      code = []
    case .nonNumeric:
      return session.reply.line("CLIENT_ERROR cannot increment or decrement non-numeric value")
    case .casMismatch: code = Array("EX".utf8)
    case .notFound:
      if flags.vivify != nil {
        _ = session.save(key, StoreEntry(value: Array(String(flags.initial).utf8)), &store)
        result = (flags.initial, true)
        code = []
      } else {
        if increment { session.counters.incrMisses += 1 } else { session.counters.decrMisses += 1 }
        code = Array("NF".utf8)
      }
    }
    guard let result else {
      guard let echoes = echoes(&session, tokens, flags) else { return }
      session.reply.append(bytes: code + echoes)
      return session.reply.crlf()
    }
    let digits = Array(String(result.value).utf8)
    let clock = store.clock
    let line = store.modify(key, in: 0) { entry -> [UInt8]? in
      var line = Array((flags.returnValue ? "VA \(digits.count)" : "HD").utf8)
      for index in 2..<tokens.count {
        let token = tokens[index]
        switch token[0] {
        case UInt8(ascii: "c"): line += Array(" c\(entry.cas)".utf8)
        case UInt8(ascii: "t"):
          let remaining =
            entry.hasExpiry ? String(MemcachedExpiry.secondsLeft(entry.expiresAt, now: clock.now())) : "-1"
          line += Array(" t\(remaining)".utf8)
        case UInt8(ascii: "T"): entry.expiresAt = flags.ttl ?? entry.expiresAt
        case UInt8(ascii: "N"): if result.created { entry.expiresAt = flags.vivify ?? entry.expiresAt }
        default:
          guard let echoed = echo(token, key: flags.key, binary: flags.binaryKey) else { return nil }
          line += echoed
        }
      }
      if flags.returnValue { line += [13, 10] + digits }
      return line
    }
    guard let line, let line else { return session.reply.line("CLIENT_ERROR opaque token too long") }
    // Only the plain success is hidden by q; a value created by N is always reported.
    if flags.quiet && !result.created { return }
    session.reply.append(bytes: line)
    session.reply.crlf()
  }
}
