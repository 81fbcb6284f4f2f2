import CacheServer

#if canImport(Glibc)
import Glibc
#endif

/// `cachelings serve redis|memcached`: runs one of the course's servers in the foreground.
enum ServeCommand {
  static let usage = """
    Usage: cachelings serve redis [options]       the Redis-protocol server
           cachelings serve memcached [options]   the Memcached-protocol server

    Runs a server in the foreground until Ctrl-C or SIGTERM.
    `cachelings serve redis --help` and `cachelings serve memcached --help` list the options.
    """

  static func run(_ arguments: [String]) -> Int32 {
    var arguments = arguments[...]
    switch arguments.popFirst() {
    case "redis": return ServeRedisCommand.run(arguments)
    case "memcached": return ServeMemcachedCommand.run(arguments)
    case "-h", "--help":
      print(usage)
      return 0
    case nil: return UsageError.report("serve needs a server: redis or memcached", usage: usage)
    case let other?: return UsageError.report("unknown server '\(other)' (redis or memcached)", usage: usage)
    }
  }

  /// Prints where the server listens, serves until stopped, then says so.
  static func serve(_ listening: String, run: () -> Void) -> Int32 {
    print("cachelings: \(listening) (Ctrl-C stops it)")
    fflush(nil)
    run()
    print("cachelings: server stopped")
    return 0
  }

  static func cannotStart(_ error: any Error) -> Int32 {
    var message = Array("cachelings: cannot start the server: \(error)\n".utf8)
    _ = message.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    return 1
  }
}

/// Prints a usage mistake and the usage to standard error; returns exit status 2.
enum UsageError {
  static func report(_ message: String, usage: String) -> Int32 {
    var text = Array("cachelings: \(message)\n\n\(usage)\n".utf8)
    _ = text.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    return 2
  }
}
