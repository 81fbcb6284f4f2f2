import RESP

/// PING, ECHO, SELECT, HELLO, AUTH and CLIENT (Redis's server.c and networking.c).
enum RedisConnectionCommands {
  static func ping(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    switch call.count {
    case 1: reply.simpleString("PONG")
    case 2: reply.bulkString(call[1])
    default: reply.error(RedisError.arity("ping"))
    }
  }

  static func echo(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    reply.bulkString(call[1])
  }

  static func select(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    guard let index = call.integer(1), index <= Int64(Int32.max), index >= Int64(Int32.min) else {
      return reply.error(RedisError.notInteger)
    }
    guard index >= 0, index < Int64(store.databases.count) else { return reply.error(RedisError.dbIndex) }
    call.session.database = Int(index)
    reply.simpleString("OK")
  }

  static func auth(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    guard call.count <= 3 else { return reply.error(RedisError.syntax) }
    if call.count == 2 && call.frontEnd.configuration.password == nil {
      return reply.error(
        "ERR AUTH <password> called without any password configured for the default user. "
          + "Are you sure your configuration is correct?")
    }
    let user = call.count == 3 ? call[1] : Array("default".utf8)
    guard authenticate(user: user, password: call[call.count - 1], call) else {
      return reply.error(RedisError.wrongPassword)
    }
    call.session.authenticated = true
    reply.simpleString("OK")
  }

  /// Redis's default user, the only one here: with no password configured it is `nopass`, so any
  /// password opens it; otherwise the password must match.
  private static func authenticate(user: [UInt8], password: [UInt8], _ call: RedisCall) -> Bool {
    guard user == Array("default".utf8) else { return false }
    guard let configured = call.frontEnd.configuration.password else { return true }
    return password == Array(configured.utf8)
  }

  static func hello(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    var version = call.session.protocolVersion
    var index = 1
    if call.count >= 2 {
      guard let asked = call.integer(1) else {
        return reply.error("ERR Protocol version is not an integer or out of range")
      }
      guard asked == 2 || asked == 3 else { return reply.error("NOPROTO unsupported protocol version") }
      version = Int(asked)
      index = 2
    }
    var name: [UInt8]?
    while index < call.count {
      let more = call.count - index - 1
      if call[index].isKeyword("AUTH") && more >= 2 {
        guard authenticate(user: call[index + 1], password: call[index + 2], call) else {
          return reply.error(RedisError.wrongPassword)
        }
        call.session.authenticated = true
        index += 3
      } else if call[index].isKeyword("SETNAME") && more >= 1 {
        guard ClientNames.isValid(call[index + 1]) else { return reply.error(ClientNames.invalidMessage) }
        name = call[index + 1]
        index += 2
      } else {
        return reply.error(
          "ERR Syntax error in HELLO option '\(String(decoding: call[index], as: UTF8.self))'")
      }
    }
    guard call.session.authenticated else {
      return reply.error(
        "NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time"
      )
    }
    if let name { call.session.name = name }
    call.session.protocolVersion = version
    reply.version = version == 3 ? .v3 : .v2
    reply.mapHeader(7)
    reply.bulkString(Array("server".utf8))
    reply.bulkString(Array("redis".utf8))
    reply.bulkString(Array("version".utf8))
    reply.bulkString(Array(RedisFrontEnd.reportedVersion.utf8))
    reply.bulkString(Array("proto".utf8))
    reply.integer(Int64(version))
    reply.bulkString(Array("id".utf8))
    reply.integer(Int64(call.session.id))
    reply.bulkString(Array("mode".utf8))
    reply.bulkString(Array("standalone".utf8))
    reply.bulkString(Array("role".utf8))
    reply.bulkString(Array("master".utf8))
    reply.bulkString(Array("modules".utf8))
    reply.arrayHeader(0)
  }

  /// CLIENT's subcommands; the dispatcher has already checked the name and the argument count.
  static func client(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let sub = call[1]
    if sub.isKeyword("SETNAME") {
      guard ClientNames.isValid(call[2]) else { return reply.error(ClientNames.invalidMessage) }
      call.session.name = call[2]
      reply.simpleString("OK")
    } else if sub.isKeyword("GETNAME") {
      reply.optionalBulk(call.session.name.isEmpty ? nil : call.session.name)
    } else if sub.isKeyword("ID") {
      reply.integer(Int64(call.session.id))
    } else if sub.isKeyword("SETINFO") {
      setInfo(call, &reply)
    } else if sub.isKeyword("LIST") {
      let lines = call.frontEnd.sessionsDescription()
      reply.verbatim(format: Array("txt".utf8), text: Array(lines.utf8))
    } else if sub.isKeyword("INFO") {
      let line = call.frontEnd.description(of: call.session)
      reply.verbatim(format: Array("txt".utf8), text: Array(line.utf8))
    } else {
      reply.help([
        "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "GETNAME", "    The name of this connection, or nil.",
        "ID", "    This connection's id.",
        "INFO", "    One line about this connection, as CLIENT LIST writes it.",
        "LIST", "    One line about every connection.",
        "SETINFO (LIB-NAME|LIB-VER) <value>", "    Records the client library's name or version.",
        "SETNAME <name>", "    Names this connection.",
        "HELP", "    This text.",
      ])
    }
  }

  /// CLIENT SETINFO, as Redis 7.2 added it (redis-py 5 sends it on connect): LIB-NAME or LIB-VER.
  private static func setInfo(_ call: RedisCall, _ reply: inout RESPWriter) {
    guard call.count == 4 else { return reply.error(RedisError.arity("client|setinfo")) }
    let attribute = call[2]
    guard attribute.isKeyword("LIB-NAME") || attribute.isKeyword("LIB-VER") else {
      return reply.error("ERR Unrecognized option '\(String(decoding: attribute, as: UTF8.self))'")
    }
    let label = attribute.isKeyword("LIB-NAME") ? "lib-name" : "lib-ver"
    guard ClientNames.isValid(call[3]) || call[3].isEmpty else {
      return reply.error("ERR \(label) cannot contain spaces, newlines or special characters.")
    }
    if label == "lib-name" {
      call.session.libraryName = call[3]
    } else {
      call.session.libraryVersion = call[3]
    }
    reply.simpleString("OK")
  }
}

/// CLIENT SETNAME's rule: no spaces, newlines or other characters outside '!'...'~'.
enum ClientNames {
  static let invalidMessage = "ERR Client names cannot contain spaces, newlines or special characters."

  static func isValid(_ name: [UInt8]) -> Bool { name.allSatisfy { $0 >= 0x21 && $0 <= 0x7E } }
}
