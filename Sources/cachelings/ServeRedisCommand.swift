import Arguments
import CacheServer

/// `cachelings serve redis`: runs the Redis-protocol server in the foreground until Ctrl-C or SIGTERM.
enum ServeRedisCommand {
  static func run(_ arguments: ParsedArguments, usage: String) -> Int32 {
    var options = RedisServer.Options()
    switch ServeCommand.port(arguments, usage: usage) {
    case .failure(let status): return status.code
    case .success(let port): options.port = port ?? options.port
    }
    if let address = arguments.value("bind") { options.bindAddress = address }
    if let text = arguments.value("maxmemory") {
      guard let bytes = MemorySize.parse(text) else {
        return UsageError.report("--maxmemory takes a size such as 100mb", usage: usage)
      }
      options.maxMemory = bytes
    }
    options.password = arguments.value("requirepass")
    options.testClock = arguments.flag("test-clock")
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
