import CacheServer

/// `cachelings serve memcached`: runs the Memcached-protocol server in the foreground.
enum ServeMemcachedCommand {
  static let usage = """
    Usage: cachelings serve memcached [--port 11211] [--bind 127.0.0.1] [--memory-limit MB]
                                      [--threads N] [--max-item-size SIZE] [--test-clock]

    Runs the course's Memcached-protocol server in the foreground; Ctrl-C stops it.

    Options:
      --port N               port to listen on (default 11211; 0 picks a free one)
      --bind ADDRESS         IPv4 address to listen on (default 127.0.0.1)
      --memory-limit MB      memory for items in megabytes, like memcached's -m (default 64)
      --threads N            worker threads, like memcached's -t (default 1)
      --max-item-size SIZE   largest item, like memcached's -I (default 1m; 1k to 1024m)
      --test-clock           enable `advanceclock ms`, which moves the server's time (for graders)
      -h, --help             show this help
    """

  static func run(_ arguments: ArraySlice<String>) -> Int32 {
    var arguments = arguments
    if arguments.contains("-h") || arguments.contains("--help") {
      print(usage)
      return 0
    }
    var options = MemcachedServer.Options()
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
      case "--memory-limit":
        guard let value = arguments.popFirst().flatMap({ Int($0) }), value > 0, value <= 1 << 20 else {
          return UsageError.report("--memory-limit takes megabytes, a whole number above 0", usage: usage)
        }
        options.configuration.memoryLimit = value * 1024 * 1024
      case "--threads":
        guard let value = arguments.popFirst().flatMap({ Int($0) }), (1...64).contains(value) else {
          return UsageError.report("--threads takes a number from 1 to 64", usage: usage)
        }
        options.configuration.threads = value
      case "--max-item-size":
        guard let value = arguments.popFirst().flatMap(MemcachedShared.Configuration.size(_:)),
          (1024...(1 << 30)).contains(value)
        else {
          return UsageError.report("--max-item-size takes a size from 1k to 1024m, such as 2m", usage: usage)
        }
        options.configuration.itemSizeLimit = value
      case "--test-clock":
        options.configuration.testClock = true
      default:
        return UsageError.report("unknown option '\(option)'", usage: usage)
      }
    }
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
