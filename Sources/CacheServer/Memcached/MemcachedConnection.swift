import MemcacheText

/// One connection to the Memcached front end. The protocol state lives in a `MemcachedSession` value,
/// which each read moves out, works on and puts back, so the hot path touches no object properties.
final class MemcachedConnection: ConnectionHandler {
  private var session: MemcachedSession?

  init(shared: MemcachedShared) {
    session = MemcachedSession(shared: shared)
  }

  func receive(_ input: UnsafeRawBufferPointer, output: inout OutputBuffer) -> ConnectionAction {
    guard var current = session.take() else { return .close }
    defer { session = current }
    return current.receive(input, output: &output)
  }

  func closed() { session?.shared.connectionClosed() }
}

/// One connection's memcached text protocol: frames lines and data blocks, runs commands against the
/// shared store, and writes the replies, with memcached 1.6's rules and messages.
struct MemcachedSession {
  let shared: MemcachedShared
  var decoder = MemcacheRequestDecoder()
  var reply = MemcacheReply(referenceThreshold: OutputBuffer.referenceThreshold)
  var counters = MemcachedCounters()
  /// A storage command whose data block has not arrived yet.
  var pendingStore: PendingStore?
  /// Set by a command with `noreply`: its status line is not written.
  var silent = false

  struct PendingStore {
    let command: StorageCommand
    let key: [UInt8]
    let flags: UInt32
    let exptime: Int32
    let cas: UInt64
    let noReply: Bool
  }

  enum StorageCommand { case set, add, replace, append, prepend, cas }

  static let keyLimit = 250

  init(shared: MemcachedShared) {
    self.shared = shared
  }

  mutating func receive(_ input: UnsafeRawBufferPointer, output: inout OutputBuffer) -> ConnectionAction {
    // A first byte of 0x80 starts memcached's binary protocol, deprecated since 1.6 and not served.
    if isFirstRead {
      isFirstRead = false
      if input.first == 0x80 { return .close }
    }
    decoder.append(input)
    counters.bytesRead += UInt64(input.count)
    // Requests run until the replies reach the output's high-water mark (a data block already begun is
    // finished first); the rest wait in the decoder until they drain, as memcached stops reading a
    // connection whose replies are not being taken.
    let room = output.highWater - output.pending
    let outcome = shared.store.withStore { store in
      store.clock.pin()
      defer { store.clock.unpin() }
      shared.applyDueFlush(&store)
      while decoder.isInsideDataBlock || reply.count < room, let frame = decoder.next() {
        switch frame {
        case .lineTooLong:
          return Outcome.abort
        case .data(let value, let terminated):
          finishStore(value, terminated: terminated, &store)
        case .line(let tokens):
          let outcome = run(tokens, &store)
          if outcome != .proceed { return outcome }
        }
      }
      return .proceed
    }
    defer {
      shared.add(counters)
      counters = MemcachedCounters()
    }
    switch outcome {
    case .abort:
      // memcached drops the replies it has not written when it closes a connection on bad input.
      reply.removeAll()
      return .close
    case .quit, .proceed:
      // Like memcached, nothing is written while a data block is still to come (or to be dropped).
      if outcome == .proceed && decoder.isInsideDataBlock { return .keepOpen }
      counters.bytesWritten += UInt64(reply.count)
      reply.moveOut { output.append(taking: &$0, references: $1) }
      return outcome == .quit ? .close : .keepOpen
    }
  }

  /// What a command asks of the connection.
  enum Outcome: Equatable {
    case proceed
    /// Send what is pending, then close (quit).
    case quit
    /// Close without sending what is pending (an HTTP request, a line too long).
    case abort
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

  private mutating func run(_ tokens: MemcacheTokens, _ store: inout Store) -> Outcome {
    silent = false
    // Every command name has at least two bytes.
    guard !tokens.isEmpty, tokens.slice(0).count >= 2 else {
      reply.line("ERROR")
      return .proceed
    }
    let count = tokens.count
    let command = MemcachedCommandName.of(tokens)
    switch command {
    case .get?, .bget?, .gets?, .gat?, .gats?:
      guard count >= 2 else {
        reply.line("ERROR")
        return .proceed
      }
      retrieve(
        tokens, &store, cas: command == .gets || command == .gats, touch: command == .gat || command == .gats)
    case .set? where count == 5 || count == 6: beginStore(.set, tokens, &store)
    case .add? where count == 5 || count == 6: beginStore(.add, tokens, &store)
    case .replace? where count == 5 || count == 6: beginStore(.replace, tokens, &store)
    case .append? where count == 5 || count == 6: beginStore(.append, tokens, &store)
    case .prepend? where count == 5 || count == 6: beginStore(.prepend, tokens, &store)
    case .cas? where count == 6 || count == 7: beginStore(.cas, tokens, &store)
    case .incr? where count == 3 || count == 4: arithmetic(tokens, &store, increment: true)
    case .decr? where count == 3 || count == 4: arithmetic(tokens, &store, increment: false)
    case .delete? where (2...4).contains(count): delete(tokens, &store)
    case .touch? where count == 3 || count == 4: touch(tokens, &store)
    case .flushAll? where (1...3).contains(count): flushAll(tokens, &store)
    case .version?: reply.line("VERSION \(MemcachedFrontEnd.reportedVersion)")
    case .verbosity? where count == 2 || count == 3: verbosity(tokens)
    case .stats?: stats(tokens, &store)
    case .quit?: return .quit
    case .metaNoOp?: reply.line("MN")
    case .metaGet?: metaGet(tokens, &store)
    case .metaSet?: metaSetBegin(tokens, &store)
    case .metaDelete?: metaDelete(tokens, &store)
    case .metaArithmetic?: metaArithmetic(tokens, &store)
    case .advanceClock? where shared.configuration.testClock && count == 2:
      // A number that would take the clock past its end is refused as memcached refuses a bad number.
      guard let milliseconds = MemcacheNumber.uint64(tokens[1]), milliseconds < UInt64(Int64.max),
        store.clock.advance(byMilliseconds: Int64(milliseconds))
      else {
        reply.line("CLIENT_ERROR bad command line format")
        return .proceed
      }
      reply.line("OK")
    case .metaDebug?: metaDebug(tokens, &store)
    case let known:
      // memcached dispatches on the first letter, then the name; only a line that matches neither is
      // checked for HTTP, and an HTTP request closes the connection.
      let families = "gsacidt".utf8
      let name = tokens.slice(0)
      if known == nil || known == .advanceClock, !families.contains(name.first!),
        !(name.first == UInt8(ascii: "m") && name.count == 2),
        tokens.slice(count - 1).starts(with: "HTTP/".utf8)
      {
        return .abort
      }
      reply.line("ERROR")
    }
    return .proceed
  }

  private mutating func finishStore(_ value: [UInt8], terminated: Bool, _ store: inout Store) {
    if let meta = pendingMeta {
      pendingMeta = nil
      return metaSetFinish(meta, value, terminated: terminated, &store)
    }
    guard let pending = pendingStore else { return }
    pendingStore = nil
    silent = pending.noReply
    completeStore(pending, value, terminated: terminated, &store)
  }

  /// A key as a command line carries it; nil (after the error) when it is over memcached's 250 bytes.
  mutating func checkedKey(_ token: [UInt8]) -> StoreKey? {
    guard token.count <= Self.keyLimit else {
      status("CLIENT_ERROR bad command line format")
      return nil
    }
    return StoreKey(token)
  }

  var pendingMeta: PendingMetaSet?
  private var isFirstRead = true
}
