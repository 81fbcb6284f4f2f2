import MemcacheText

/// One connection's protocol loop on the Memcached front end: frames lines and data blocks, looks each
/// command up in the command table, checks its token count, runs it against the shared store and sends
/// the replies, with memcached 1.6's rules and messages. The state lives in a `MemcachedSession` value,
/// which each read moves out, works on and puts back, so the hot path touches no object properties.
final class MemcachedConnection: ConnectionHandler {
  private var session: MemcachedSession?

  init(shared: MemcachedShared, commands: MemcachedCommandTable) {
    session = MemcachedSession(shared: shared, commands: commands)
  }

  func receive(_ input: UnsafeRawBufferPointer, output: inout OutputBuffer) -> ConnectionAction {
    guard var current = session.take() else { return .close }
    defer { session = current }
    return Self.receive(input, &current, output: &output)
  }

  func closed() { session?.shared.connectionClosed() }

  /// What a command asks of the connection.
  enum Outcome: Equatable {
    case proceed
    /// Send what is pending, then close (quit).
    case quit
    /// Close without sending what is pending (an HTTP request, a line too long).
    case abort
  }

  private static func receive(
    _ input: UnsafeRawBufferPointer, _ session: inout MemcachedSession, output: inout OutputBuffer
  ) -> ConnectionAction {
    // A first byte of 0x80 starts memcached's binary protocol, deprecated since 1.6 and not served.
    if session.isFirstRead {
      session.isFirstRead = false
      if input.first == 0x80 { return .close }
    }
    session.decoder.append(input)
    session.counters.bytesRead += UInt64(input.count)
    // Requests run until the replies reach the output's high-water mark (a data block already begun is
    // finished first); the rest wait in the decoder until they drain, as memcached stops reading a
    // connection whose replies are not being taken.
    let room = output.highWater - output.pending
    let shared = session.shared
    let outcome = shared.store.withStore { store in
      store.clock.pin()
      defer { store.clock.unpin() }
      shared.applyDueFlush(&store)
      while session.decoder.isInsideDataBlock || session.reply.count < room,
        let frame = session.decoder.next()
      {
        switch frame {
        case .lineTooLong:
          return Outcome.abort
        case .data(let value, let terminated):
          finishStore(value, terminated: terminated, &session, &store)
        case .line(let tokens):
          let outcome = run(tokens, &session, &store)
          if outcome != .proceed { return outcome }
        }
      }
      return .proceed
    }
    defer {
      shared.add(session.counters)
      session.counters = MemcachedCounters()
    }
    switch outcome {
    case .abort:
      // memcached drops the replies it has not written when it closes a connection on bad input.
      session.reply.removeAll()
      return .close
    case .quit, .proceed:
      // Like memcached, nothing is written while a data block is still to come (or to be dropped).
      if outcome == .proceed && session.decoder.isInsideDataBlock { return .keepOpen }
      session.counters.bytesWritten += UInt64(session.reply.count)
      session.reply.moveOut { output.append(taking: &$0, references: $1) }
      return outcome == .quit ? .close : .keepOpen
    }
  }

  private static func run(
    _ tokens: MemcacheTokens, _ session: inout MemcachedSession, _ store: inout Store
  ) -> Outcome {
    session.silent = false
    // Every command name has at least two bytes.
    guard !tokens.isEmpty, tokens.slice(0).count >= 2 else {
      session.reply.line("ERROR")
      return .proceed
    }
    guard let command = session.commands[tokens] else {
      // memcached dispatches on the first letter, then the name; only a line that matches neither is
      // checked for HTTP, and an HTTP request closes the connection.
      let families = "gsacidt".utf8
      let name = tokens.slice(0)
      if !families.contains(name.first!), !(name.first == UInt8(ascii: "m") && name.count == 2),
        tokens.slice(tokens.count - 1).starts(with: "HTTP/".utf8)
      {
        return .abort
      }
      session.reply.line("ERROR")
      return .proceed
    }
    guard command.tokenCounts.contains(tokens.count) else {
      session.reply.line("ERROR")
      return .proceed
    }
    if case .quit = command.control { return .quit }
    command.run(&session, tokens, &store)
    return .proceed
  }

  /// A data block has arrived for the storage command that asked for it.
  private static func finishStore(
    _ value: [UInt8], terminated: Bool, _ session: inout MemcachedSession, _ store: inout Store
  ) {
    if let meta = session.pendingMeta {
      session.pendingMeta = nil
      return MemcachedMetaCommands.finishSet(meta, value, terminated: terminated, &session, &store)
    }
    guard let pending = session.pendingStore else { return }
    session.pendingStore = nil
    session.silent = pending.noReply
    MemcachedStorageCommands.finish(pending, value, terminated: terminated, &session, &store)
  }
}
