/// Which Swift code serves each command of commands.txt, by name: a handler the table runs, a command
/// RedisConnection runs itself, or a handler served only with the test clock. The table is built from
/// the file's lines and these bindings, and refuses a line with no binding or a binding with no line.
enum RedisCommandBinding {
  /// Run by the table with this handler (a container's subcommands share it).
  case run(RedisCommand.Handler)
  /// Changes the connection's state, so RedisConnection runs it itself.
  case control(RedisCommand.Control)
  /// Run with this handler, and served only with the test clock.
  case testClock(RedisCommand.Handler)

  /// Every command's binding, grouped by family as the handlers are.
  static var all: [String: RedisCommandBinding] {
    [
      "ping": .run(RedisConnectionCommands.ping),
      "echo": .run(RedisConnectionCommands.echo),
      "select": .run(RedisConnectionCommands.select),
      "auth": .run(RedisConnectionCommands.auth),
      "hello": .run(RedisConnectionCommands.hello),
      "client": .run(RedisConnectionCommands.client),
      "get": .run(RedisStringCommands.get),
      "set": .run(RedisStringCommands.set),
      "setnx": .run(RedisStringCommands.setnx),
      "setex": .run(RedisStringCommands.setex),
      "psetex": .run(RedisStringCommands.psetex),
      "getex": .run(RedisStringCommands.getex),
      "getdel": .run(RedisStringCommands.getdel),
      "mget": .run(RedisStringCommands.mget),
      "mset": .run(RedisStringCommands.mset),
      "msetnx": .run(RedisStringCommands.msetnx),
      "append": .run(RedisStringCommands.append),
      "strlen": .run(RedisStringCommands.strlen),
      "incr": .run(RedisCounterCommands.incr),
      "decr": .run(RedisCounterCommands.decr),
      "incrby": .run(RedisCounterCommands.incrby),
      "decrby": .run(RedisCounterCommands.decrby),
      "incrbyfloat": .run(RedisCounterCommands.incrbyfloat),
      "del": .run(RedisKeyCommands.del),
      "unlink": .run(RedisKeyCommands.del),
      "exists": .run(RedisKeyCommands.exists),
      "type": .run(RedisKeyCommands.type),
      "keys": .run(RedisKeyCommands.keys),
      "scan": .run(RedisKeyCommands.scan),
      "dbsize": .run(RedisKeyCommands.dbsize),
      "flushdb": .run(RedisKeyCommands.flushdb),
      "flushall": .run(RedisKeyCommands.flushall),
      "expire": .run(RedisExpiryCommands.expire),
      "pexpire": .run(RedisExpiryCommands.pexpire),
      "expireat": .run(RedisExpiryCommands.expireat),
      "pexpireat": .run(RedisExpiryCommands.pexpireat),
      "ttl": .run(RedisExpiryCommands.ttl),
      "pttl": .run(RedisExpiryCommands.pttl),
      "persist": .run(RedisExpiryCommands.persist),
      "info": .run(RedisServerCommands.info),
      "config": .run(RedisServerCommands.config),
      "command": .run(RedisServerCommands.command),
      "multi": .control(.multi),
      "exec": .control(.exec),
      "discard": .control(.discard),
      "quit": .control(.quit),
      "advanceclock": .testClock(RedisServerCommands.advanceClock),
    ]
  }
}
