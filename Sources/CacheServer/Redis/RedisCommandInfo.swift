/// What COMMAND INFO and COMMAND DOCS say about each command: Redis 7.0's flags, key positions, ACL
/// categories, tips and key-spec flags (facts a client library may rely on), with a summary of our own.
struct RedisCommandInfo {
  let flags: [String]
  /// First key, last key (-1: the last argument) and step; all 0 when the command takes no key.
  let keys: (first: Int, last: Int, step: Int)
  let categories: [String]
  let tips: [String]
  /// The key spec's flags (RO, RW, OW, RM and the access kind); empty when the command takes no key.
  let keySpecFlags: [String]
  let summary: String
  let since: String
  let group: String
  let complexity: String

  private init(
    _ flags: String, keys: (Int, Int, Int) = (0, 0, 0), _ categories: String, tips: String = "",
    spec: String = "", _ summary: String, since: String, _ group: String, _ complexity: String = "O(1)"
  ) {
    self.flags = flags.split(separator: " ").map(String.init)
    self.keys = keys
    self.categories = categories.split(separator: " ").map(String.init)
    self.tips = tips.split(separator: " ").map(String.init)
    self.keySpecFlags = spec.split(separator: " ").map(String.init)
    self.summary = summary
    self.since = since
    self.group = group
    self.complexity = complexity
  }

  private static let connectionFlags = "noscript loading stale fast no_auth allow_busy"
  private static let one = (1, 1, 1)
  private static let all = (1, -1, 1)

  /// The facts for `name` (a command or `container|subcommand`), nil for names Redis 7.0 does not have.
  static func of(_ name: String) -> RedisCommandInfo? { table[name] }

  private static let table: [String: RedisCommandInfo] = [
    "ping": .init(
      "fast", "@fast @connection", tips: "request_policy:all_shards response_policy:all_succeeded",
      "Answers PONG, or echoes its argument: a liveness check.", since: "1.0.0", "connection"),
    "echo": .init(
      "loading stale fast", "@fast @connection", "Replies with its argument.", since: "1.0.0", "connection"),
    "select": .init(
      "loading stale fast", "@fast @connection", "Switches the connection to another numbered database.",
      since: "1.0.0", "connection"),
    "auth": .init(
      connectionFlags, "@fast @connection", "Authenticates the connection with a password.", since: "1.0.0",
      "connection", "O(N) in the number of passwords the user has"),
    "hello": .init(
      connectionFlags, "@fast @connection", "Chooses RESP2 or RESP3, optionally authenticating and naming.",
      since: "6.0.0", "connection"),
    "client": .init(
      "", "@slow", "Inspects and names connections.", since: "2.4.0", "connection", "Depends on subcommand."),
    "client|id": .init(
      "noscript loading stale", "@slow @connection", "This connection's id.", since: "5.0.0", "connection"),
    "client|getname": .init(
      "noscript loading stale", "@slow @connection", "This connection's name.", since: "2.6.9", "connection"),
    "client|setname": .init(
      "noscript loading stale", "@slow @connection", "Names this connection.", since: "2.6.9", "connection"),
    "client|setinfo": .init(
      "noscript loading stale", "@slow @connection", "Records the client library's name or version.",
      since: "7.2.0", "connection"),
    "client|list": .init(
      "admin noscript loading stale", "@admin @slow @dangerous @connection", tips: "nondeterministic_output",
      "One line about every connection.",
      since: "2.4.0", "connection", "O(N) in the number of connections"),
    "client|info": .init(
      "noscript loading stale", "@slow @connection", tips: "nondeterministic_output",
      "One line about this connection.", since: "6.2.0",
      "connection"),
    "client|help": .init(
      "loading stale", "@slow @connection", "Lists CLIENT's subcommands.", since: "5.0.0", "connection"),
    "get": .init(
      "readonly fast", keys: one, "@read @string @fast", spec: "RO access", "Reads a key's value.",
      since: "1.0.0", "string"),
    "set": .init(
      "write denyoom", keys: one, "@write @string @slow", spec: "RW access update variable_flags",
      "Stores a value, with an optional expiry and condition.", since: "1.0.0", "string"),
    "setnx": .init(
      "write denyoom fast", keys: one, "@write @string @fast", spec: "OW insert",
      "Stores a value only when the key is absent.", since: "1.0.0", "string"),
    "setex": .init(
      "write denyoom", keys: one, "@write @string @slow", spec: "OW update",
      "Stores a value with a TTL in seconds.", since: "2.0.0", "string"),
    "psetex": .init(
      "write denyoom", keys: one, "@write @string @slow", spec: "OW update",
      "Stores a value with a TTL in milliseconds.", since: "2.6.0", "string"),
    "getex": .init(
      "write fast", keys: one, "@write @string @fast", spec: "RW access update",
      "Reads a value and changes or removes its TTL.", since: "6.2.0", "string"),
    "getdel": .init(
      "write fast", keys: one, "@write @string @fast", spec: "RW access delete",
      "Reads a value and removes the key.", since: "6.2.0", "string"),
    "mget": .init(
      "readonly fast", keys: all, "@read @string @fast", tips: "request_policy:multi_shard",
      spec: "RO access",
      "Reads several keys in one round trip.", since: "1.0.0", "string", "O(N) in the number of keys"),
    "mset": .init(
      "write denyoom", keys: (1, -1, 2), "@write @string @slow",
      tips: "request_policy:multi_shard response_policy:all_succeeded", spec: "OW update",
      "Stores several keys at once.", since: "1.0.1", "string", "O(N) in the number of keys"),
    "msetnx": .init(
      "write denyoom", keys: (1, -1, 2), "@write @string @slow",
      tips: "request_policy:multi_shard response_policy:agg_min", spec: "OW insert",
      "Stores several keys only when none of them exists.", since: "1.0.1", "string",
      "O(N) in the number of keys"),
    "append": .init(
      "write denyoom fast", keys: one, "@write @string @fast", spec: "RW insert",
      "Appends bytes to a value, creating it when absent.", since: "2.0.0", "string", "O(1) amortised"),
    "strlen": .init(
      "readonly fast", keys: one, "@read @string @fast", spec: "RO", "The length of a value in bytes.",
      since: "2.2.0", "string"),
    "incr": .init(
      "write denyoom fast", keys: one, "@write @string @fast", spec: "RW access update",
      "Adds one to an integer value.", since: "1.0.0", "string"),
    "decr": .init(
      "write denyoom fast", keys: one, "@write @string @fast", spec: "RW access update",
      "Subtracts one from an integer value.", since: "1.0.0", "string"),
    "incrby": .init(
      "write denyoom fast", keys: one, "@write @string @fast", spec: "RW access update",
      "Adds an integer to an integer value.", since: "1.0.0", "string"),
    "decrby": .init(
      "write denyoom fast", keys: one, "@write @string @fast", spec: "RW access update",
      "Subtracts an integer from an integer value.", since: "1.0.0", "string"),
    "incrbyfloat": .init(
      "write denyoom fast", keys: one, "@write @string @fast", spec: "RW access update",
      "Adds a decimal number to a numeric value.", since: "2.6.0", "string"),
    "del": .init(
      "write", keys: all, "@keyspace @write @slow",
      tips: "request_policy:multi_shard response_policy:agg_sum",
      spec: "RM delete", "Removes keys.", since: "1.0.0", "generic", "O(N) in the number of keys"),
    "unlink": .init(
      "write fast", keys: all, "@keyspace @write @fast",
      tips: "request_policy:multi_shard response_policy:agg_sum", spec: "RM delete",
      "Removes keys (Redis frees their memory in the background).", since: "4.0.0", "generic",
      "O(1) per key"),
    "exists": .init(
      "readonly fast", keys: all, "@keyspace @read @fast",
      tips: "request_policy:multi_shard response_policy:agg_sum", spec: "RO",
      "Counts how many of the given keys exist.", since: "1.0.0", "generic", "O(N) in the number of keys"),
    "type": .init(
      "readonly fast", keys: one, "@keyspace @read @fast", spec: "RO", "The type of a key's value.",
      since: "1.0.0", "generic"),
    "keys": .init(
      "readonly", "@keyspace @read @slow @dangerous",
      tips: "request_policy:all_shards nondeterministic_output_order",
      "Every key matching a glob pattern; walks the whole database.", since: "1.0.0", "generic",
      "O(N) in the number of keys in the database"),
    "scan": .init(
      "readonly", "@keyspace @read @slow", tips: "nondeterministic_output request_policy:special",
      "Walks the keys a few at a time with a cursor.", since: "2.8.0", "generic",
      "O(1) per call, O(N) for a whole walk"),
    "dbsize": .init(
      "readonly fast", "@keyspace @read @fast", tips: "request_policy:all_shards response_policy:agg_sum",
      "How many keys the current database holds.", since: "1.0.0", "server"),
    "flushdb": .init(
      "write", "@keyspace @write @slow @dangerous",
      tips: "request_policy:all_shards response_policy:all_succeeded",
      "Removes every key of the current database.", since: "1.0.0", "server",
      "O(N) in the number of keys in the database"),
    "flushall": .init(
      "write", "@keyspace @write @slow @dangerous",
      tips: "request_policy:all_shards response_policy:all_succeeded",
      "Removes every key of every database.", since: "1.0.0", "server", "O(N) in the number of keys"),
    "expire": .init(
      "write fast", keys: one, "@keyspace @write @fast", spec: "RW update", "Sets a TTL in seconds.",
      since: "1.0.0", "generic"),
    "pexpire": .init(
      "write fast", keys: one, "@keyspace @write @fast", spec: "RW update", "Sets a TTL in milliseconds.",
      since: "2.6.0", "generic"),
    "expireat": .init(
      "write fast", keys: one, "@keyspace @write @fast", spec: "RW update",
      "Sets the Unix time, in seconds, at which a key expires.", since: "1.2.0", "generic"),
    "pexpireat": .init(
      "write fast", keys: one, "@keyspace @write @fast", spec: "RW update",
      "Sets the Unix time, in milliseconds, at which a key expires.", since: "2.6.0", "generic"),
    "ttl": .init(
      "readonly fast", keys: one, "@keyspace @read @fast", tips: "nondeterministic_output", spec: "RO access",
      "Seconds until a key expires (-1: never, -2: no such key).", since: "1.0.0", "generic"),
    "pttl": .init(
      "readonly fast", keys: one, "@keyspace @read @fast", tips: "nondeterministic_output", spec: "RO access",
      "Milliseconds until a key expires (-1: never, -2: no such key).", since: "2.6.0", "generic"),
    "persist": .init(
      "write fast", keys: one, "@keyspace @write @fast", spec: "RW update", "Removes a key's TTL.",
      since: "2.2.0", "generic"),
    "info": .init(
      "loading stale", "@slow @dangerous",
      tips: "nondeterministic_output request_policy:all_shards response_policy:special",
      "The server's figures: clients, memory, hits and misses, keys.", since: "1.0.0", "server"),
    "config": .init(
      "", "@slow", "Reads and changes settings.", since: "2.0.0", "server", "Depends on subcommand."),
    "config|get": .init(
      "admin noscript loading stale", "@admin @slow @dangerous", "Settings whose names match a pattern.",
      since: "2.0.0", "server", "O(N) in the number of settings"),
    "config|set": .init(
      "admin noscript loading stale", "@admin @slow @dangerous",
      tips: "request_policy:all_nodes response_policy:all_succeeded", "Changes settings, all or none.",
      since: "2.0.0", "server", "O(N) in the number of settings"),
    "config|resetstat": .init(
      "admin noscript loading stale", "@admin @slow @dangerous", "Zeroes the statistics.", since: "2.0.0",
      "server"),
    "config|help": .init(
      "loading stale", "@slow", "Lists CONFIG's subcommands.", since: "5.0.0", "server"),
    "command": .init(
      "loading stale", "@slow @connection", tips: "nondeterministic_output_order",
      "Describes every command.", since: "2.8.13", "server", "O(N) in the number of commands"),
    "command|count": .init(
      "loading stale", "@slow @connection", "How many commands there are.", since: "2.8.13", "server"),
    "command|docs": .init(
      "loading stale", "@slow @connection", tips: "nondeterministic_output_order",
      "Documentation of commands.", since: "7.0.0", "server", "O(N) in the number of commands"),
    "command|info": .init(
      "loading stale", "@slow @connection", tips: "nondeterministic_output_order",
      "Facts about commands.", since: "2.8.13", "server", "O(N) in the number of commands"),
    "command|list": .init(
      "loading stale", "@slow @connection", tips: "nondeterministic_output_order", "The names of commands.",
      since: "7.0.0", "server", "O(N) in the number of commands"),
    "command|help": .init(
      "loading stale", "@slow @connection", "Lists COMMAND's subcommands.", since: "5.0.0", "server"),
    "multi": .init(
      "noscript loading stale fast allow_busy", "@fast @transaction", "Starts queueing a transaction.",
      since: "1.2.0", "transactions"),
    "exec": .init(
      "noscript loading stale skip_slowlog", "@slow @transaction", "Runs the queued transaction.",
      since: "1.2.0", "transactions", "Depends on the queued commands."),
    "discard": .init(
      "noscript loading stale fast allow_busy", "@fast @transaction", "Drops the queued transaction.",
      since: "2.0.0", "transactions", "O(N) in the number of queued commands"),
    "quit": .init(
      connectionFlags, "@fast @connection", "Closes the connection.", since: "1.0.0", "connection"),
    "advanceclock": .init(
      "fast", "@fast @dangerous", "Moves the server's clock forward (a cachelings test-only command).",
      since: "7.0.15", "server"),
  ]
}
