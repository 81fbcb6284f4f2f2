/// Every command the Redis front end knows, found by the bytes of its name in any letter case: a
/// bucket per name length and first letter, so a lookup neither hashes nor builds a string.
struct RedisCommandTable {
  private var buckets = [[RedisCommand]](repeating: [], count: 16 * 32)
  /// Every command, in the order of the table below.
  let all: [RedisCommand]

  init(testClock: Bool) {
    all = Self.commands(testClock: testClock)
    for command in all {
      buckets[Self.bucket(Array(command.name.utf8))].append(command)
    }
  }

  /// A command or a `container|subcommand`, as COMMAND INFO and COMMAND DOCS name them.
  func lookup(fullName: [UInt8]) -> RedisCommand? {
    guard let bar = fullName.firstIndex(of: UInt8(ascii: "|")) else { return self[fullName] }
    return self[Array(fullName[..<bar])]?.subcommand(Array(fullName[(bar + 1)...]))
  }

  /// The command `name` names, ignoring ASCII case.
  subscript(name: [UInt8]) -> RedisCommand? {
    guard !name.isEmpty else { return nil }
    search: for command in buckets[Self.bucket(name)] where command.nameBytes.count == name.count {
      for index in name.indices where ASCII.lowercase(name[index]) != command.nameBytes[index] {
        continue search
      }
      return command
    }
    return nil
  }

  private static func bucket(_ name: [UInt8]) -> Int {
    guard let first = name.first else { return 0 }
    return (name.count & 15) << 5 | Int(ASCII.lowercase(first) & 31)
  }

  private static func commands(testClock: Bool) -> [RedisCommand] {
    var commands: [RedisCommand] = [
      .init(name: "ping", arity: -1, flags: [], run: ConnectionCommands.ping),
      .init(name: "echo", arity: 2, flags: [], run: ConnectionCommands.echo),
      .init(name: "select", arity: 2, flags: [], run: ConnectionCommands.select),
      .init(name: "auth", arity: -2, flags: [.noAuth], run: ConnectionCommands.auth),
      .init(name: "hello", arity: -1, flags: [.noAuth], run: ConnectionCommands.hello),
      .init(
        name: "client", arity: -2, flags: [],
        subcommands: [
          ("id", 2), ("getname", 2), ("setname", 3), ("setinfo", -4), ("list", -2), ("info", 2), ("help", 2),
        ], run: ConnectionCommands.client),
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
      .init(
        name: "config", arity: -2, flags: [],
        subcommands: [("get", -3), ("set", -4), ("resetstat", 2), ("help", 2)], run: ServerCommands.config),
      .init(
        name: "command", arity: -1, flags: [],
        subcommands: [("count", 2), ("docs", -2), ("info", -2), ("list", -2), ("help", 2)],
        run: ServerCommands.command),
      // Listed for their arity and so that they are known; RedisConnection runs them itself.
      .init(name: "multi", arity: 1, flags: [], control: .multi),
      .init(name: "exec", arity: 1, flags: [], control: .exec),
      .init(name: "discard", arity: 1, flags: [], control: .discard),
      .init(name: "quit", arity: -1, flags: [.noAuth], control: .quit),
    ]
    if testClock {
      commands.append(.init(name: "advanceclock", arity: 2, flags: [], run: ServerCommands.advanceClock))
    }
    return commands
  }
}
