/// Every command the Redis front end knows, by lower-case name.
enum RedisCommandTable {
  static func make(testClock: Bool) -> [String: RedisCommand] {
    var commands: [RedisCommand] = [
      .init(name: "ping", arity: -1, flags: [], run: ConnectionCommands.ping),
      .init(name: "echo", arity: 2, flags: [], run: ConnectionCommands.echo),
      .init(name: "select", arity: 2, flags: [], run: ConnectionCommands.select),
      .init(name: "auth", arity: -2, flags: [.noAuth], run: ConnectionCommands.auth),
      .init(name: "hello", arity: -1, flags: [.noAuth], run: ConnectionCommands.hello),
      .init(name: "client", arity: -2, flags: [], run: ConnectionCommands.client),
      .init(name: "get", arity: 2, flags: [], run: StringCommands.get),
      .init(name: "set", arity: -3, flags: [.denyOOM], run: StringCommands.set),
      .init(name: "setnx", arity: 3, flags: [.denyOOM], run: StringCommands.setnx),
      .init(name: "setex", arity: 4, flags: [.denyOOM], run: StringCommands.setex),
      .init(name: "psetex", arity: 4, flags: [.denyOOM], run: StringCommands.psetex),
      .init(name: "getex", arity: -2, flags: [], run: StringCommands.getex),
      .init(name: "getdel", arity: 2, flags: [], run: StringCommands.getdel),
      .init(name: "mget", arity: -2, flags: [], run: StringCommands.mget),
      .init(name: "mset", arity: -3, flags: [.denyOOM], run: StringCommands.mset),
      .init(name: "msetnx", arity: -3, flags: [.denyOOM], run: StringCommands.msetnx),
      .init(name: "append", arity: 3, flags: [.denyOOM], run: StringCommands.append),
      .init(name: "strlen", arity: 2, flags: [], run: StringCommands.strlen),
      .init(name: "incr", arity: 2, flags: [.denyOOM], run: CounterCommands.incr),
      .init(name: "decr", arity: 2, flags: [.denyOOM], run: CounterCommands.decr),
      .init(name: "incrby", arity: 3, flags: [.denyOOM], run: CounterCommands.incrby),
      .init(name: "decrby", arity: 3, flags: [.denyOOM], run: CounterCommands.decrby),
      .init(name: "incrbyfloat", arity: 3, flags: [.denyOOM], run: CounterCommands.incrbyfloat),
      .init(name: "del", arity: -2, flags: [], run: KeyCommands.del),
      .init(name: "unlink", arity: -2, flags: [], run: KeyCommands.del),
      .init(name: "exists", arity: -2, flags: [], run: KeyCommands.exists),
      .init(name: "type", arity: 2, flags: [], run: KeyCommands.type),
      .init(name: "keys", arity: 2, flags: [], run: KeyCommands.keys),
      .init(name: "scan", arity: -2, flags: [], run: KeyCommands.scan),
      .init(name: "dbsize", arity: 1, flags: [], run: KeyCommands.dbsize),
      .init(name: "flushdb", arity: -1, flags: [], run: KeyCommands.flushdb),
      .init(name: "flushall", arity: -1, flags: [], run: KeyCommands.flushall),
      .init(name: "expire", arity: -3, flags: [], run: ExpiryCommands.expire),
      .init(name: "pexpire", arity: -3, flags: [], run: ExpiryCommands.pexpire),
      .init(name: "expireat", arity: -3, flags: [], run: ExpiryCommands.expireat),
      .init(name: "pexpireat", arity: -3, flags: [], run: ExpiryCommands.pexpireat),
      .init(name: "ttl", arity: 2, flags: [], run: ExpiryCommands.ttl),
      .init(name: "pttl", arity: 2, flags: [], run: ExpiryCommands.pttl),
      .init(name: "persist", arity: 2, flags: [], run: ExpiryCommands.persist),
      .init(name: "info", arity: -1, flags: [], run: ServerCommands.info),
      .init(name: "config", arity: -2, flags: [], run: ServerCommands.config),
      .init(name: "command", arity: -1, flags: [], run: ServerCommands.command),
      // MULTI, EXEC and DISCARD change the connection's state, so RedisConnection runs them itself;
      // they are listed here for their arity and so that they are known commands.
      .init(name: "multi", arity: 1, flags: [], run: { _, _, _ in }),
      .init(name: "exec", arity: 1, flags: [], run: { _, _, _ in }),
      .init(name: "discard", arity: 1, flags: [], run: { _, _, _ in }),
    ]
    if testClock {
      commands.append(.init(name: "advanceclock", arity: 2, flags: [], run: ServerCommands.advanceClock))
    }
    return Dictionary(uniqueKeysWithValues: commands.map { ($0.name, $0) })
  }
}
