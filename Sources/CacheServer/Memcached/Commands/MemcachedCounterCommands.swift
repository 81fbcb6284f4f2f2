import MemcacheText

/// incr and decr (proto_text.c process_arithmetic_command): 64-bit wrap up, a floor of 0 down.
enum MemcachedCounterCommands {
  /// The handler of incr (`increment`) or decr.
  static func arithmetic(increment: Bool) -> MemcachedCommand.Handler {
    { session, tokens, store in apply(&session, tokens, &store, increment: increment) }
  }

  private static func apply(
    _ session: inout MemcachedSession, _ tokens: MemcacheTokens, _ store: inout Store, increment: Bool
  ) {
    session.silent = tokens.hasNoReply
    guard let key = session.checkedKey(tokens[1]) else { return }
    guard let delta = MemcacheNumber.uint64(tokens[2]) else {
      return session.status("CLIENT_ERROR invalid numeric delta argument")
    }
    switch session.addDelta(key: key, increment: increment, delta: delta, requestCas: 0, &store) {
    case .applied(let value, _): session.status(String(value))
    case .nonNumeric: session.status("CLIENT_ERROR cannot increment or decrement non-numeric value")
    case .notFound, .casMismatch:
      if increment { session.counters.incrMisses += 1 } else { session.counters.decrMisses += 1 }
      session.status("NOT_FOUND")
    }
  }
}
