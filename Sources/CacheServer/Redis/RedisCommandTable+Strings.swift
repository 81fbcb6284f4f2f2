extension RedisCommandTable {
  /// The string commands, counters included (Redis's t_string.c).
  static var stringCommands: [RedisCommand] {
    [
      RedisCommand(
        "get", arity: 2, run: RedisStringCommands.get,
        info: .init(
          "readonly fast", keys: .one, "@read @string @fast", spec: "RO access", "Reads a key's value.",
          since: "1.0.0", "string")),
      RedisCommand(
        "set", arity: -3, run: RedisStringCommands.set,
        info: .init(
          "write denyoom", keys: .one, "@write @string @slow", spec: "RW access update variable_flags",
          "Stores a value, with an optional expiry and condition.", since: "1.0.0", "string")),
      RedisCommand(
        "setnx", arity: 3, run: RedisStringCommands.setnx,
        info: .init(
          "write denyoom fast", keys: .one, "@write @string @fast", spec: "OW insert",
          "Stores a value only when the key is absent.", since: "1.0.0", "string")),
      RedisCommand(
        "setex", arity: 4, run: RedisStringCommands.setex,
        info: .init(
          "write denyoom", keys: .one, "@write @string @slow", spec: "OW update",
          "Stores a value with a TTL in seconds.", since: "2.0.0", "string")),
      RedisCommand(
        "psetex", arity: 4, run: RedisStringCommands.psetex,
        info: .init(
          "write denyoom", keys: .one, "@write @string @slow", spec: "OW update",
          "Stores a value with a TTL in milliseconds.", since: "2.6.0", "string")),
      RedisCommand(
        "getex", arity: -2, run: RedisStringCommands.getex,
        info: .init(
          "write fast", keys: .one, "@write @string @fast", spec: "RW access update",
          "Reads a value and changes or removes its TTL.", since: "6.2.0", "string")),
      RedisCommand(
        "getdel", arity: 2, run: RedisStringCommands.getdel,
        info: .init(
          "write fast", keys: .one, "@write @string @fast", spec: "RW access delete",
          "Reads a value and removes the key.", since: "6.2.0", "string")),
      RedisCommand(
        "mget", arity: -2, run: RedisStringCommands.mget,
        info: .init(
          "readonly fast", keys: .all, "@read @string @fast", tips: "request_policy:multi_shard",
          spec: "RO access", "Reads several keys in one round trip.", since: "1.0.0", "string",
          "O(N) in the number of keys")),
      RedisCommand(
        "mset", arity: -3, run: RedisStringCommands.mset,
        info: .init(
          "write denyoom", keys: .pairs, "@write @string @slow",
          tips: "request_policy:multi_shard response_policy:all_succeeded", spec: "OW update",
          "Stores several keys at once.", since: "1.0.1", "string", "O(N) in the number of keys")),
      RedisCommand(
        "msetnx", arity: -3, run: RedisStringCommands.msetnx,
        info: .init(
          "write denyoom", keys: .pairs, "@write @string @slow",
          tips: "request_policy:multi_shard response_policy:agg_min", spec: "OW insert",
          "Stores several keys only when none of them exists.", since: "1.0.1", "string",
          "O(N) in the number of keys")),
      RedisCommand(
        "append", arity: 3, run: RedisStringCommands.append,
        info: .init(
          "write denyoom fast", keys: .one, "@write @string @fast", spec: "RW insert",
          "Appends bytes to a value, creating it when absent.", since: "2.0.0", "string", "O(1) amortised")),
      RedisCommand(
        "strlen", arity: 2, run: RedisStringCommands.strlen,
        info: .init(
          "readonly fast", keys: .one, "@read @string @fast", spec: "RO", "The length of a value in bytes.",
          since: "2.2.0", "string")),
      RedisCommand(
        "incr", arity: 2, run: RedisCounterCommands.incr,
        info: .init(
          "write denyoom fast", keys: .one, "@write @string @fast", spec: "RW access update",
          "Adds one to an integer value.", since: "1.0.0", "string")),
      RedisCommand(
        "decr", arity: 2, run: RedisCounterCommands.decr,
        info: .init(
          "write denyoom fast", keys: .one, "@write @string @fast", spec: "RW access update",
          "Subtracts one from an integer value.", since: "1.0.0", "string")),
      RedisCommand(
        "incrby", arity: 3, run: RedisCounterCommands.incrby,
        info: .init(
          "write denyoom fast", keys: .one, "@write @string @fast", spec: "RW access update",
          "Adds an integer to an integer value.", since: "1.0.0", "string")),
      RedisCommand(
        "decrby", arity: 3, run: RedisCounterCommands.decrby,
        info: .init(
          "write denyoom fast", keys: .one, "@write @string @fast", spec: "RW access update",
          "Subtracts an integer from an integer value.", since: "1.0.0", "string")),
      RedisCommand(
        "incrbyfloat", arity: 3, run: RedisCounterCommands.incrbyfloat,
        info: .init(
          "write denyoom fast", keys: .one, "@write @string @fast", spec: "RW access update",
          "Adds a decimal number to a numeric value.", since: "2.6.0", "string")),
    ]
  }
}
