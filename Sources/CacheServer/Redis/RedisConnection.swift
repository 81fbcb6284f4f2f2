import RESP

/// One connection's protocol loop: decode commands, check them as Redis does (auth, arity, MULTI,
/// memory), run them, and encode the replies.
final class RedisConnection: ConnectionHandler {
  private let session: RedisSession
  private let frontEnd: RedisFrontEnd
  private var decoder = RESPRequestDecoder()
  private var reply = RESPWriter()

  init(session: RedisSession, frontEnd: RedisFrontEnd) {
    self.session = session
    self.frontEnd = frontEnd
  }

  func receive(_ input: UnsafeRawBufferPointer, output: inout [UInt8]) -> ConnectionAction {
    decoder.append(input)
    var action = ConnectionAction.keepOpen
    do {
      while case .keepOpen = action, let arguments = try decoder.next() {
        action = dispatch(arguments)
      }
    } catch {
      reply.error("ERR " + error.message)
      action = .close
    }
    output.append(contentsOf: reply.bytes)
    reply.removeAll()
    return action
  }

  func closed() { frontEnd.sessionClosed(session) }

  private func dispatch(_ arguments: [[UInt8]]) -> ConnectionAction {
    frontEnd.commandsProcessed += 1
    let name = Self.commandName(arguments[0])
    if name == "quit" {
      reply.simpleString("OK")
      return .close
    }
    guard let command = frontEnd.commands[name] else {
      if session.queued != nil { session.transactionFailed = true }
      reply.error(RedisError.unknownCommand(arguments))
      return .keepOpen
    }
    session.lastCommand = name
    guard session.authenticated || command.flags.contains(.noAuth) else {
      reply.error(RedisError.noAuth)
      return .keepOpen
    }
    guard command.acceptsArgumentCount(arguments.count) else {
      if session.queued != nil { session.transactionFailed = true }
      reply.error(RedisError.arity(name))
      return .keepOpen
    }
    switch name {
    case "multi": multi()
    case "exec": exec()
    case "discard": discard()
    default:
      if session.queued != nil {
        session.queued?.append(arguments)
        reply.simpleString("QUEUED")
      } else {
        run(command, arguments)
      }
    }
    return .keepOpen
  }

  private func run(_ command: RedisCommand, _ arguments: [[UInt8]]) {
    let call = RedisCall(arguments: arguments, session: session, frontEnd: frontEnd)
    frontEnd.store.withStore { store in
      if command.flags.contains(.denyOOM) && !store.enforceMemoryLimit() {
        reply.error(RedisError.outOfMemory)
        return
      }
      command.run(&store, call, &reply)
    }
  }

  private func multi() {
    guard session.queued == nil else { return reply.error(RedisError.nestedMulti) }
    session.queued = []
    session.transactionFailed = false
    reply.simpleString("OK")
  }

  private func exec() {
    guard let queued = session.queued else { return reply.error(RedisError.execWithoutMulti) }
    session.queued = nil
    if session.transactionFailed {
      session.transactionFailed = false
      return reply.error(RedisError.execAbort)
    }
    reply.arrayHeader(queued.count)
    for arguments in queued {
      let name = Self.commandName(arguments[0])
      if let command = frontEnd.commands[name] { run(command, arguments) }
    }
  }

  /// The lower-case command name, written straight into the string (names up to 15 bytes need no
  /// allocation at all).
  static func commandName(_ bytes: [UInt8]) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { buffer in
      for index in bytes.indices { buffer[index] = ASCII.lowercase(bytes[index]) }
      return bytes.count
    }
  }

  private func discard() {
    guard session.queued != nil else { return reply.error(RedisError.discardWithoutMulti) }
    session.queued = nil
    session.transactionFailed = false
    reply.simpleString("OK")
  }
}
