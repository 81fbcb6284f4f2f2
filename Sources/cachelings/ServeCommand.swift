import Arguments
import Foundation

/// `cachelings serve redis|memcached`: runs one of the course's servers in the foreground.
enum ServeCommand {
  /// Runs the server the command path names; usage is that command's, for mistakes in its options.
  static func run(_ arguments: ParsedArguments, usage: String) -> Int32 {
    switch arguments.commandPath.dropFirst().first {
    case "redis": return ServeRedisCommand.run(arguments, usage: usage)
    case "memcached": return ServeMemcachedCommand.run(arguments, usage: usage)
    default: return UsageError.report("serve needs a server: redis or memcached", usage: usage)
    }
  }

  /// Prints where the server listens, serves until stopped, then says so.
  static func serve(_ listening: String, run: () -> Void) -> Int32 {
    Output.write("cachelings: \(listening) (Ctrl-C stops it)\n")
    run()
    Output.write("cachelings: server stopped\n")
    return 0
  }

  static func cannotStart(_ error: any Error) -> Int32 {
    Output.error("cannot start the server: \(error)")
    return 1
  }

  /// The port option's value: nil when absent, or the usage mistake's exit status when it is no port.
  static func port(_ arguments: ParsedArguments, usage: String) -> Result<UInt16?, ExitStatus> {
    guard let text = arguments.value("port") else { return .success(nil) }
    guard let port = UInt16(text) else {
      return .failure(ExitStatus(UsageError.report("--port takes a number from 0 to 65535", usage: usage)))
    }
    return .success(port)
  }
}
