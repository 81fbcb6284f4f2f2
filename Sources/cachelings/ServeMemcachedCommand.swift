import Arguments
import CacheServer

/// `cachelings serve memcached`: runs the Memcached-protocol server in the foreground.
enum ServeMemcachedCommand {
  static func run(_ arguments: ParsedArguments, usage: String) -> Int32 {
    var options = MemcachedServer.Options()
    switch ServeCommand.port(arguments, usage: usage) {
    case .failure(let status): return status.code
    case .success(let port): options.port = port ?? options.port
    }
    if let address = arguments.value("bind") { options.bindAddress = address }
    if let text = arguments.value("memory-limit") {
      guard let megabytes = Int(text), megabytes > 0, megabytes <= 1 << 20 else {
        return UsageError.report("--memory-limit takes megabytes, a whole number above 0", usage: usage)
      }
      options.configuration.memoryLimit = megabytes * 1024 * 1024
    }
    if let text = arguments.value("threads") {
      guard let threads = Int(text), (1...64).contains(threads) else {
        return UsageError.report("--threads takes a number from 1 to 64", usage: usage)
      }
      options.configuration.threads = threads
    }
    if let text = arguments.value("max-item-size") {
      guard let size = MemcachedShared.Configuration.size(text), (1024...(1 << 30)).contains(size) else {
        return UsageError.report("--max-item-size takes a size from 1k to 1024m, such as 2m", usage: usage)
      }
      options.configuration.itemSizeLimit = size
    }
    options.configuration.testClock = arguments.flag("test-clock")
    do {
      let server = try MemcachedServer(options)
      try server.stopOnSignals()
      return ServeCommand.serve(
        "Memcached-protocol server listening on \(options.bindAddress):\(server.port)", run: server.run)
    } catch {
      return ServeCommand.cannotStart(error)
    }
  }
}
