extension RedisCommandTable {
  /// INFO, CONFIG, COMMAND, then MULTI, EXEC, DISCARD (run by RedisConnection itself) and QUIT.
  static var serverCommands: [RedisCommand] {
    [
      RedisCommand(
        "info", arity: -1, run: RedisServerCommands.info,
        info: .init(
          "loading stale", "@slow @dangerous",
          tips: "nondeterministic_output request_policy:all_shards response_policy:special",
          "The server's figures: clients, memory, hits and misses, keys.", since: "1.0.0", "server")),
      RedisCommand(
        "config", arity: -2, run: RedisServerCommands.config,
        info: .init(
          "", "@slow", "Reads and changes settings.", since: "2.0.0", "server", "Depends on subcommand."),
        subcommands: [
          RedisCommand(
            subcommand: "get", arity: -3,
            info: .init(
              "admin noscript loading stale", "@admin @slow @dangerous",
              "Settings whose names match a pattern.", since: "2.0.0", "server",
              "O(N) in the number of settings")),
          RedisCommand(
            subcommand: "set", arity: -4,
            info: .init(
              "admin noscript loading stale", "@admin @slow @dangerous",
              tips: "request_policy:all_nodes response_policy:all_succeeded",
              "Changes settings, all or none.", since: "2.0.0", "server", "O(N) in the number of settings")),
          RedisCommand(
            subcommand: "resetstat", arity: 2,
            info: .init(
              "admin noscript loading stale", "@admin @slow @dangerous", "Zeroes the statistics.",
              since: "2.0.0", "server")),
          RedisCommand(
            subcommand: "help", arity: 2,
            info: .init("loading stale", "@slow", "Lists CONFIG's subcommands.", since: "5.0.0", "server")),
        ]),
      RedisCommand(
        "command", arity: -1, run: RedisServerCommands.command,
        info: .init(
          "loading stale", "@slow @connection", tips: "nondeterministic_output_order",
          "Describes every command.", since: "2.8.13", "server", "O(N) in the number of commands"),
        subcommands: [
          RedisCommand(
            subcommand: "count", arity: 2,
            info: .init(
              "loading stale", "@slow @connection", "How many commands there are.", since: "2.8.13", "server")
          ),
          RedisCommand(
            subcommand: "docs", arity: -2,
            info: .init(
              "loading stale", "@slow @connection", tips: "nondeterministic_output_order",
              "Documentation of commands.", since: "7.0.0", "server", "O(N) in the number of commands")),
          RedisCommand(
            subcommand: "info", arity: -2,
            info: .init(
              "loading stale", "@slow @connection", tips: "nondeterministic_output_order",
              "Facts about commands.", since: "2.8.13", "server", "O(N) in the number of commands")),
          RedisCommand(
            subcommand: "list", arity: -2,
            info: .init(
              "loading stale", "@slow @connection", tips: "nondeterministic_output_order",
              "The names of commands.", since: "7.0.0", "server", "O(N) in the number of commands")),
          RedisCommand(
            subcommand: "help", arity: 2,
            info: .init(
              "loading stale", "@slow @connection", "Lists COMMAND's subcommands.", since: "5.0.0", "server")),
        ]),
      RedisCommand(
        "multi", arity: 1, control: .multi,
        info: .init(
          "noscript loading stale fast allow_busy", "@fast @transaction", "Starts queueing a transaction.",
          since: "1.2.0", "transactions")),
      RedisCommand(
        "exec", arity: 1, control: .exec,
        info: .init(
          "noscript loading stale skip_slowlog", "@slow @transaction", "Runs the queued transaction.",
          since: "1.2.0", "transactions", "Depends on the queued commands.")),
      RedisCommand(
        "discard", arity: 1, control: .discard,
        info: .init(
          "noscript loading stale fast allow_busy", "@fast @transaction", "Drops the queued transaction.",
          since: "2.0.0", "transactions", "O(N) in the number of queued commands")),
      RedisCommand(
        "quit", arity: -1, control: .quit,
        info: .init(
          "noscript loading stale fast no_auth allow_busy", "@fast @connection", "Closes the connection.",
          since: "1.0.0", "connection")),
    ]
  }

  /// `ADVANCECLOCK milliseconds`, served only with the test clock.
  static var advanceClock: RedisCommand {
    RedisCommand(
      "advanceclock", arity: 2, run: RedisServerCommands.advanceClock,
      info: .init(
        "fast", "@fast @dangerous", "Moves the server's clock forward (a cachelings test-only command).",
        since: "7.0.15", "server"))
  }
}
