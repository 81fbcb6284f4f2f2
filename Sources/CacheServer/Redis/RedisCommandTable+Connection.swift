extension RedisCommandTable {
  /// PING, ECHO, SELECT, AUTH, HELLO and CLIENT (QUIT comes last, in `serverCommands`).
  static var connectionCommands: [RedisCommand] {
    [
      RedisCommand(
        "ping", arity: -1, run: RedisConnectionCommands.ping,
        info: .init(
          "fast", "@fast @connection", tips: "request_policy:all_shards response_policy:all_succeeded",
          "Answers PONG, or echoes its argument: a liveness check.", since: "1.0.0", "connection")),
      RedisCommand(
        "echo", arity: 2, run: RedisConnectionCommands.echo,
        info: .init(
          "loading stale fast", "@fast @connection", "Replies with its argument.", since: "1.0.0",
          "connection")),
      RedisCommand(
        "select", arity: 2, run: RedisConnectionCommands.select,
        info: .init(
          "loading stale fast", "@fast @connection", "Switches the connection to another numbered database.",
          since: "1.0.0", "connection")),
      RedisCommand(
        "auth", arity: -2, run: RedisConnectionCommands.auth,
        info: .init(
          "noscript loading stale fast no_auth allow_busy", "@fast @connection",
          "Authenticates the connection with a password.", since: "1.0.0", "connection",
          "O(N) in the number of passwords the user has")),
      RedisCommand(
        "hello", arity: -1, run: RedisConnectionCommands.hello,
        info: .init(
          "noscript loading stale fast no_auth allow_busy", "@fast @connection",
          "Chooses RESP2 or RESP3, optionally authenticating and naming.", since: "6.0.0", "connection")),
      RedisCommand(
        "client", arity: -2, run: RedisConnectionCommands.client,
        info: .init(
          "", "@slow", "Inspects and names connections.", since: "2.4.0", "connection",
          "Depends on subcommand."),
        subcommands: [
          RedisCommand(
            subcommand: "id", arity: 2,
            info: .init(
              "noscript loading stale", "@slow @connection", "This connection's id.", since: "5.0.0",
              "connection")),
          RedisCommand(
            subcommand: "getname", arity: 2,
            info: .init(
              "noscript loading stale", "@slow @connection", "This connection's name.", since: "2.6.9",
              "connection")),
          RedisCommand(
            subcommand: "setname", arity: 3,
            info: .init(
              "noscript loading stale", "@slow @connection", "Names this connection.", since: "2.6.9",
              "connection")),
          RedisCommand(
            subcommand: "setinfo", arity: -4,
            info: .init(
              "noscript loading stale", "@slow @connection", "Records the client library's name or version.",
              since: "7.2.0", "connection")),
          RedisCommand(
            subcommand: "list", arity: -2,
            info: .init(
              "admin noscript loading stale", "@admin @slow @dangerous @connection",
              tips: "nondeterministic_output", "One line about every connection.", since: "2.4.0",
              "connection", "O(N) in the number of connections")),
          RedisCommand(
            subcommand: "info", arity: 2,
            info: .init(
              "noscript loading stale", "@slow @connection", tips: "nondeterministic_output",
              "One line about this connection.", since: "6.2.0", "connection")),
          RedisCommand(
            subcommand: "help", arity: 2,
            info: .init(
              "loading stale", "@slow @connection", "Lists CLIENT's subcommands.", since: "5.0.0",
              "connection")),
        ]),
    ]
  }
}
