import Arguments
import CacheServer

/// `cachelings serve redis`: runs the Redis-protocol server in the foreground until Ctrl-C or SIGTERM.
enum ServeRedisCommand {
  static func run(_ arguments: ParsedArguments, usage: String) -> Int32 {
    ServeCommand.serve(RedisServer.self, arguments, usage: usage) {
      options throws(ServeCommand.OptionMistake) in
      if let text = arguments.value("maxmemory") {
        guard let bytes = MemorySize.parse(text) else {
          throw ServeCommand.OptionMistake("--maxmemory takes a size such as 100mb")
        }
        options.maxMemory = bytes
      }
      options.password = arguments.value("requirepass")
      options.testClock = arguments.flag("test-clock")
    }
  }
}
