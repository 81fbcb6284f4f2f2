extension RedisCommandTable {
  /// The commands on keys of any type and on their expiry (Redis's db.c and expire.c).
  static var keyCommands: [RedisCommand] {
    [
      RedisCommand(
        "del", arity: -2, run: RedisKeyCommands.del,
        info: .init(
          "write", keys: .all, "@keyspace @write @slow",
          tips: "request_policy:multi_shard response_policy:agg_sum", spec: "RM delete", "Removes keys.",
          since: "1.0.0", "generic", "O(N) in the number of keys")),
      RedisCommand(
        "unlink", arity: -2, run: RedisKeyCommands.del,
        info: .init(
          "write fast", keys: .all, "@keyspace @write @fast",
          tips: "request_policy:multi_shard response_policy:agg_sum", spec: "RM delete",
          "Removes keys (Redis frees their memory in the background).", since: "4.0.0", "generic",
          "O(1) per key")),
      RedisCommand(
        "exists", arity: -2, run: RedisKeyCommands.exists,
        info: .init(
          "readonly fast", keys: .all, "@keyspace @read @fast",
          tips: "request_policy:multi_shard response_policy:agg_sum", spec: "RO",
          "Counts how many of the given keys exist.", since: "1.0.0", "generic", "O(N) in the number of keys")
      ),
      RedisCommand(
        "type", arity: 2, run: RedisKeyCommands.type,
        info: .init(
          "readonly fast", keys: .one, "@keyspace @read @fast", spec: "RO", "The type of a key's value.",
          since: "1.0.0", "generic")),
      RedisCommand(
        "keys", arity: 2, run: RedisKeyCommands.keys,
        info: .init(
          "readonly", "@keyspace @read @slow @dangerous",
          tips: "request_policy:all_shards nondeterministic_output_order",
          "Every key matching a glob pattern; walks the whole database.", since: "1.0.0", "generic",
          "O(N) in the number of keys in the database")),
      RedisCommand(
        "scan", arity: -2, run: RedisKeyCommands.scan,
        info: .init(
          "readonly", "@keyspace @read @slow", tips: "nondeterministic_output request_policy:special",
          "Walks the keys a few at a time with a cursor.", since: "2.8.0", "generic",
          "O(1) per call, O(N) for a whole walk")),
      RedisCommand(
        "dbsize", arity: 1, run: RedisKeyCommands.dbsize,
        info: .init(
          "readonly fast", "@keyspace @read @fast", tips: "request_policy:all_shards response_policy:agg_sum",
          "How many keys the current database holds.", since: "1.0.0", "server")),
      RedisCommand(
        "flushdb", arity: -1, run: RedisKeyCommands.flushdb,
        info: .init(
          "write", "@keyspace @write @slow @dangerous",
          tips: "request_policy:all_shards response_policy:all_succeeded",
          "Removes every key of the current database.", since: "1.0.0", "server",
          "O(N) in the number of keys in the database")),
      RedisCommand(
        "flushall", arity: -1, run: RedisKeyCommands.flushall,
        info: .init(
          "write", "@keyspace @write @slow @dangerous",
          tips: "request_policy:all_shards response_policy:all_succeeded",
          "Removes every key of every database.", since: "1.0.0", "server", "O(N) in the number of keys")),
      RedisCommand(
        "expire", arity: -3, run: RedisExpiryCommands.expire,
        info: .init(
          "write fast", keys: .one, "@keyspace @write @fast", spec: "RW update", "Sets a TTL in seconds.",
          since: "1.0.0", "generic")),
      RedisCommand(
        "pexpire", arity: -3, run: RedisExpiryCommands.pexpire,
        info: .init(
          "write fast", keys: .one, "@keyspace @write @fast", spec: "RW update",
          "Sets a TTL in milliseconds.", since: "2.6.0", "generic")),
      RedisCommand(
        "expireat", arity: -3, run: RedisExpiryCommands.expireat,
        info: .init(
          "write fast", keys: .one, "@keyspace @write @fast", spec: "RW update",
          "Sets the Unix time, in seconds, at which a key expires.", since: "1.2.0", "generic")),
      RedisCommand(
        "pexpireat", arity: -3, run: RedisExpiryCommands.pexpireat,
        info: .init(
          "write fast", keys: .one, "@keyspace @write @fast", spec: "RW update",
          "Sets the Unix time, in milliseconds, at which a key expires.", since: "2.6.0", "generic")),
      RedisCommand(
        "ttl", arity: 2, run: RedisExpiryCommands.ttl,
        info: .init(
          "readonly fast", keys: .one, "@keyspace @read @fast", tips: "nondeterministic_output",
          spec: "RO access", "Seconds until a key expires (-1: never, -2: no such key).", since: "1.0.0",
          "generic")),
      RedisCommand(
        "pttl", arity: 2, run: RedisExpiryCommands.pttl,
        info: .init(
          "readonly fast", keys: .one, "@keyspace @read @fast", tips: "nondeterministic_output",
          spec: "RO access", "Milliseconds until a key expires (-1: never, -2: no such key).", since: "2.6.0",
          "generic")),
      RedisCommand(
        "persist", arity: 2, run: RedisExpiryCommands.persist,
        info: .init(
          "write fast", keys: .one, "@keyspace @write @fast", spec: "RW update", "Removes a key's TTL.",
          since: "2.2.0", "generic")),
    ]
  }
}
