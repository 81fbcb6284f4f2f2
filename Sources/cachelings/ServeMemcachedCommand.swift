import Arguments
import CacheServer

/// `cachelings serve memcached`: runs the Memcached-protocol server in the foreground.
enum ServeMemcachedCommand {
  static func run(_ arguments: ParsedArguments, usage: String) -> Int32 {
    ServeCommand.serve(MemcachedServer.self, arguments, usage: usage) {
      options throws(ServeCommand.OptionMistake) in
      if let text = arguments.value("memory-limit") {
        guard let megabytes = Int(text), megabytes > 0, megabytes <= 1 << 20 else {
          throw ServeCommand.OptionMistake("--memory-limit takes megabytes, a whole number above 0")
        }
        options.configuration.memoryLimit = megabytes * 1024 * 1024
      }
      if let text = arguments.value("threads") {
        guard let threads = Int(text), (1...64).contains(threads) else {
          throw ServeCommand.OptionMistake("--threads takes a number from 1 to 64")
        }
        options.configuration.threads = threads
      }
      if let text = arguments.value("max-item-size") {
        guard let size = MemcachedShared.Configuration.size(text), (1024...(1 << 30)).contains(size) else {
          throw ServeCommand.OptionMistake("--max-item-size takes a size from 1k to 1024m, such as 2m")
        }
        options.configuration.itemSizeLimit = size
      }
      options.configuration.testClock = arguments.flag("test-clock")
    }
  }
}
