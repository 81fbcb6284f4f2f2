import RESP

/// One connection's protocol loop: decode commands, check them as Redis does (auth, arity, MULTI,
/// memory), run them, and encode the replies.
final class RedisConnection: ConnectionHandler {
  private let session: RedisSession
  private let frontEnd: RedisFrontEnd
  private var decoder = RESPRequestDecoder()
  /// Moved out while a batch runs (nil then), so the hot loop works on a local.
  private var reply: RESPWriter? = RedisConnection.writer()

  init(session: RedisSession, frontEnd: RedisFrontEnd) {
    self.session = session
    self.frontEnd = frontEnd
  }

  /// A reply writer that references large values instead of copying them.
  private static func writer() -> RESPWriter {
    RESPWriter(referenceThreshold: OutputBuffer.referenceThreshold)
  }

  func receive(_ input: UnsafeRawBufferPointer, output: inout OutputBuffer) -> ConnectionAction {
    // The decoder and writer are moved into locals for the batch, so the hot loop does not go through
    // this object's properties (and their exclusivity checks) for every command.
    var decoder = self.decoder
    self.decoder = RESPRequestDecoder()
    var reply = self.reply.take() ?? Self.writer()
    decoder.append(input)
    var commands: UInt64 = 0
    // Commands run until the replies reach the output's high-water mark; the rest wait in the decoder
    // until they drain (see ConnectionHandler).
    let room = output.highWater - output.pending
    // One lock and one clock reading for everything this read brought, as Redis runs a pass of its
    // event loop against one time snapshot.
    let action = frontEnd.store.withStore { store in
      store.clock.pin()
      defer { store.clock.unpin() }
      var action = ConnectionAction.keepOpen
      do throws(RESPProtocolError) {
        while case .keepOpen = action, reply.count < room, let arguments = try decoder.next() {
          commands += 1
          action = dispatch(arguments, &store, &reply)
        }
      } catch {
        reply.error(Array("ERR ".utf8) + error.bytes)
        action = .close
      }
      return action
    }
    frontEnd.commandsProcessed += commands
    reply.moveOut { output.append(taking: &$0, references: $1) }
    self.decoder = decoder
    self.reply = reply
    return action
  }

  func closed() { frontEnd.sessionClosed(session) }

  private func dispatch(
    _ arguments: [[UInt8]], _ store: inout Store, _ reply: inout RESPWriter
  )
    -> ConnectionAction
  {
    guard let command = frontEnd.commands[arguments[0]] else {
      if session.queued != nil { session.transactionFailed = true }
      reply.error(RedisError.unknownCommand(arguments))
      return .keepOpen
    }
    if case .quit = command.control {
      reply.simpleString("OK")
      return .close
    }
    // Redis's order: unknown subcommand, then arity (of the subcommand when there is one), then auth.
    var checked = command
    if !command.subcommands.isEmpty && arguments.count >= 2 {
      guard let subcommand = command.subcommand(arguments[1]) else {
        if session.queued != nil { session.transactionFailed = true }
        reply.error(RedisError.unknownSubcommand(arguments[1], of: command.name.uppercased()))
        return .keepOpen
      }
      checked = subcommand
    }
    session.lastCommand = checked.name
    session.lastActiveAt = store.clock.now() - store.clock.offsetMilliseconds
    guard checked.acceptsArgumentCount(arguments.count) else {
      if session.queued != nil { session.transactionFailed = true }
      reply.error(RedisError.arity(checked.name))
      return .keepOpen
    }
    guard session.authenticated || command.flags.contains(.noAuth) else {
      reply.error(RedisError.noAuth)
      return .keepOpen
    }
    switch command.control {
    case .multi: multi(&reply)
    case .exec: exec(&store, &reply)
    case .discard: discard(&reply)
    case .none, .quit:
      if session.queued != nil {
        session.queued?.append(arguments)
        reply.simpleString("QUEUED")
      } else {
        run(command, arguments, &store, &reply)
      }
    }
    return .keepOpen
  }

  private func run(
    _ command: RedisCommand, _ arguments: [[UInt8]], _ store: inout Store, _ reply: inout RESPWriter
  ) {
    if command.flags.contains(.denyOOM) && store.maxMemory > 0
      && !store.enforceMemoryLimit(incoming: Self.argumentMemory(arguments))
    {
      return reply.error(RedisError.outOfMemory)
    }
    command.run(&store, RedisCall(arguments: arguments, session: session, frontEnd: frontEnd), &reply)
  }

  /// Redis's query buffer reads an argument of 32 KB or more (PROTO_MBULK_BIG_ARG) into a buffer of
  /// its own, hands that buffer to the command, and reserves another of the same size for the next
  /// one, so such an argument weighs twice in the used memory its maxmemory check sees.
  static let bigArgument = 32 * 1024

  /// What a command's arguments add to the used memory before it runs, as Redis counts it.
  static func argumentMemory(_ arguments: [[UInt8]]) -> Int {
    arguments.reduce(0) { $0 + ($1.count >= bigArgument ? 2 * $1.count : $1.count) }
  }

  private func multi(_ reply: inout RESPWriter) {
    guard session.queued == nil else { return reply.error(RedisError.nestedMulti) }
    session.queued = []
    session.transactionFailed = false
    reply.simpleString("OK")
  }

  private func exec(_ store: inout Store, _ reply: inout RESPWriter) {
    guard let queued = session.queued else { return reply.error(RedisError.execWithoutMulti) }
    session.queued = nil
    if session.transactionFailed {
      session.transactionFailed = false
      return reply.error(RedisError.execAbort)
    }
    reply.arrayHeader(queued.count)
    for arguments in queued {
      if let command = frontEnd.commands[arguments[0]] { run(command, arguments, &store, &reply) }
    }
  }

  private func discard(_ reply: inout RESPWriter) {
    guard session.queued != nil else { return reply.error(RedisError.discardWithoutMulti) }
    session.queued = nil
    session.transactionFailed = false
    reply.simpleString("OK")
  }
}
