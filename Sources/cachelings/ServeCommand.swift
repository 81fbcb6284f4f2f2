import Arguments
import CacheServer

/// `cachelings serve redis|memcached`: runs one of the course's servers in the foreground.
enum ServeCommand {
  /// Runs the server the command path names; usage is that command's, for mistakes in its options.
  static func run(_ arguments: ParsedArguments, usage: String) -> Int32 {
    switch arguments.commandPath.dropFirst().first {
    case RedisServer.command: return ServeRedisCommand.run(arguments, usage: usage)
    case MemcachedServer.command: return ServeMemcachedCommand.run(arguments, usage: usage)
    default: return UsageError.report("serve needs a server: redis or memcached", usage: usage)
    }
  }

  /// A mistake in the value of one of a server's own options: the sentence that says so.
  struct OptionMistake: Error {
    let message: String

    init(_ message: String) { self.message = message }
  }

  /// Reads the port and address every server takes, then its own options with `configure`; starts the
  /// server, says where it listens and serves until stopped. The exit status: 2 for a usage mistake, 1
  /// when the server cannot start.
  static func serve<Server: ServedServer>(
    _ server: Server.Type, _ arguments: ParsedArguments, usage: String,
    configure: (inout Server.Options) throws(OptionMistake) -> Void
  ) -> Int32 {
    var options = Server.Options()
    if let text = arguments.value("port") {
      guard let port = UInt16(text) else {
        return UsageError.report("--port takes a number from 0 to 65535", usage: usage)
      }
      options.port = port
    }
    if let address = arguments.value("bind") { options.bindAddress = address }
    do throws(OptionMistake) {
      try configure(&options)
    } catch {
      return UsageError.report(error.message, usage: usage)
    }
    do {
      let server = try Server(options)
      try server.stopOnSignals()
      Output.write(
        "cachelings: \(Server.title) server listening on \(options.bindAddress):\(server.port) (Ctrl-C stops it)\n"
      )
      server.run()
      Output.write("cachelings: server stopped\n")
      return 0
    } catch {
      Output.error("cannot start the server: \(error)")
      return 1
    }
  }
}
