import RESP

/// INFO, CONFIG, COMMAND, DBSIZE's neighbours and the test-only clock command.
enum RedisServerCommands {
  static func info(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let text = RedisInfo(store: store, frontEnd: call.frontEnd).render(
      sections: Array(call.arguments.dropFirst()))
    reply.verbatim(format: Array("txt".utf8), text: Array(text.utf8))
  }

  /// CONFIG GET, SET, RESETSTAT and HELP; the dispatcher has already checked the name and the count.
  static func config(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let sub = call[1]
    if sub.isKeyword("GET") {
      var pairs: [(String, String)] = []
      for pattern in call.arguments.dropFirst(2) {
        for (name, value) in configValues(store, call.frontEnd)
        where GlobPattern.matches(pattern.map(ASCII.lowercase), Array(name.utf8)) {
          if !pairs.contains(where: { $0.0 == name }) { pairs.append((name, value)) }
        }
      }
      reply.mapHeader(pairs.count)
      for (name, value) in pairs {
        reply.bulkString(Array(name.utf8))
        reply.bulkString(Array(value.utf8))
      }
    } else if sub.isKeyword("SET") {
      guard call.count % 2 == 0 else { return reply.error(RedisError.arity("config|set")) }
      configSet(&store, call, &reply)
    } else if sub.isKeyword("RESETSTAT") {
      store.statistics = StoreStatistics()
      reply.simpleString("OK")
    } else {
      reply.help([
        "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "GET <pattern>", "    The parameters whose names match the glob pattern, with their values.",
        "SET <parameter> <value> [<parameter> <value> ...]", "    Changes parameters, all or none.",
        "RESETSTAT", "    Zeroes the statistics INFO reports.",
        "HELP", "    This text.",
      ])
    }
  }

  /// CONFIG SET as Redis 7.0 applies it: every pair is checked first, then all are applied.
  private static func configSet(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    var changes: [(inout Store, RedisFrontEnd) -> Void] = []
    var seen: Set<String> = []
    for index in stride(from: 2, to: call.count, by: 2) {
      let name = String(decoding: call[index].map(ASCII.lowercase), as: UTF8.self)
      let value = String(decoding: call[index + 1], as: UTF8.self)
      func failed(_ reason: String) {
        reply.error("ERR CONFIG SET failed (possibly related to argument '\(name)') - \(reason)")
      }
      guard seen.insert(name).inserted else { return failed("duplicate parameter") }
      switch name {
      case "maxmemory":
        guard let bytes = MemorySize.parse(value) else { return failed("argument must be a memory value") }
        changes.append { store, _ in store.maxMemory = bytes }
      case "maxmemory-policy":
        guard let policy = EvictionPolicy(rawValue: value.lowercased()) else {
          return failed(
            "argument(s) must be one of the following: "
              + EvictionPolicy.allCases.map(\.rawValue).joined(separator: ", "))
        }
        changes.append { store, _ in store.policy = policy }
      case "appendonly":
        guard let flag = ["yes", "no"].first(where: { $0 == value.lowercased() }) else {
          return failed("argument must be 'yes' or 'no'")
        }
        changes.append { _, frontEnd in frontEnd.appendOnly = flag }
      case "save":
        guard let points = SavePoints(value) else { return failed("Invalid save parameters") }
        changes.append { _, frontEnd in frontEnd.savePoints = points }
      default:
        return reply.error("ERR Unknown option or number of arguments for CONFIG SET - '\(name)'")
      }
    }
    for change in changes { change(&store, call.frontEnd) }
    reply.simpleString("OK")
  }

  private static func configValues(_ store: Store, _ frontEnd: RedisFrontEnd) -> [(String, String)] {
    [
      ("maxmemory", String(store.maxMemory)), ("maxmemory-policy", store.policy.rawValue),
      ("save", frontEnd.savePoints.description), ("appendonly", frontEnd.appendOnly),
      ("databases", String(store.databases.count)),
    ]
  }

  /// COMMAND and its COUNT, INFO, LIST, DOCS and HELP subcommands.
  static func command(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    let table = call.frontEnd.commands
    guard call.count >= 2 else {
      reply.arrayHeader(table.all.count)
      for command in table.all { RedisCommandReply.info(command, &reply) }
      return
    }
    let sub = call[1]
    if sub.isKeyword("COUNT") {
      reply.integer(Int64(table.all.count))
    } else if sub.isKeyword("INFO") {
      let asked = call.arguments.dropFirst(2)
      if asked.isEmpty {
        reply.arrayHeader(table.all.count)
        for command in table.all { RedisCommandReply.info(command, &reply) }
        return
      }
      reply.arrayHeader(asked.count)
      for name in asked {
        if let command = table.lookup(fullName: name) {
          RedisCommandReply.info(command, &reply)
        } else {
          reply.nullArray()
        }
      }
    } else if sub.isKeyword("LIST") {
      var names = table.all.flatMap { [$0.name] + $0.subcommands.map(\.name) }
      if call.count > 2 {
        guard call.count == 5, call[2].isKeyword("FILTERBY"), call[3].isKeyword("PATTERN") else {
          return reply.error(RedisError.syntax)
        }
        names = names.filter { GlobPattern.matches(call[4].map(ASCII.lowercase), Array($0.utf8)) }
      }
      reply.arrayHeader(names.count)
      for name in names { reply.bulkString(Array(name.utf8)) }
    } else if sub.isKeyword("DOCS") {
      let asked = call.arguments.dropFirst(2)
      let commands = asked.isEmpty ? table.all : asked.compactMap { table.lookup(fullName: $0) }
      reply.mapHeader(commands.count)
      for command in commands { RedisCommandReply.docs(command, &reply) }
    } else {
      reply.help([
        "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "(no subcommand)", "    Facts about every command.",
        "COUNT", "    How many commands there are.",
        "DOCS [<command-name> ...]", "    Documentation of the named commands, or of all.",
        "INFO [<command-name> ...]", "    Facts about the named commands, or about all.",
        "LIST [FILTERBY PATTERN <pattern>]", "    The names of commands, optionally matching a glob pattern.",
        "HELP", "    This text.",
      ])
    }
  }

  /// `ADVANCECLOCK milliseconds`: moves the server's time forward, for graders; only with the test flag.
  /// A negative amount, or one that would take the clock past `StoreClock.latest`, is refused with the
  /// errors Redis gives a number out of range.
  static func advanceClock(_ store: inout Store, _ call: RedisCall, _ reply: inout RESPWriter) {
    guard let milliseconds = call.integer(1) else { return reply.error(RedisError.notInteger) }
    guard milliseconds >= 0 else { return reply.error(RedisError.notPositive) }
    guard store.clock.advance(byMilliseconds: milliseconds) else { return reply.error(RedisError.notInteger) }
    reply.simpleString("OK")
  }
}
