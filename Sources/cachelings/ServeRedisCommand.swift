import CacheServer

/// `cachelings serve redis`: runs the Redis-protocol server in the foreground until Ctrl-C or SIGTERM.
enum ServeRedisCommand {
  static let usage = """
    Usage: cachelings serve redis [--port 6379] [--bind 127.0.0.1] [--maxmemory BYTES]
                                  [--requirepass PASSWORD] [--test-clock]

    Runs the course's Redis-protocol server in the foreground; Ctrl-C stops it.

    Options:
      --port N            port to listen on (default 6379; 0 picks a free one)
      --bind ADDRESS      IPv4 address to listen on (default 127.0.0.1)
      --maxmemory BYTES   memory limit, like Redis's maxmemory (100mb, 1gb, ...; default none)
      --requirepass P     require AUTH P before other commands
      --test-clock        enable ADVANCECLOCK ms, which moves the server's time (for graders)
      -h, --help          show this help
    """

  static func run(_ arguments: ArraySlice<String>) -> Int32 {
    var arguments = arguments
    if arguments.contains("-h") || arguments.contains("--help") {
      print(usage)
      return 0
    }
    var options = RedisServer.Options()
    while let option = arguments.popFirst() {
      switch option {
      case "--port":
        guard let value = arguments.popFirst().flatMap({ UInt16($0) }) else {
          return UsageError.report("--port takes a number from 0 to 65535", usage: usage)
        }
        options.port = value
      case "--bind":
        guard let value = arguments.popFirst() else {
          return UsageError.report("--bind takes an address", usage: usage)
        }
        options.bindAddress = value
      case "--maxmemory":
        guard let value = arguments.popFirst().flatMap(MemorySize.parse) else {
          return UsageError.report("--maxmemory takes a size such as 100mb", usage: usage)
        }
        options.maxMemory = value
      case "--requirepass":
        guard let value = arguments.popFirst() else {
          return UsageError.report("--requirepass takes a password", usage: usage)
        }
        options.password = value
      case "--test-clock":
        options.testClock = true
      default:
        return UsageError.report("unknown option '\(option)'", usage: usage)
      }
    }
    do {
      let server = try RedisServer(options)
      try server.stopOnSignals()
      return ServeCommand.serve(
        "Redis-protocol server listening on \(options.bindAddress):\(server.port)", run: server.run)
    } catch {
      return ServeCommand.cannotStart(error)
    }
  }
}
