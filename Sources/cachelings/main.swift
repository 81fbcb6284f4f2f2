#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line. It only wires: the course, the grader and the servers live in their modules.
let version = "0.1.0"

let usage = """
  cachelings \(version): learn caching the way Django's cache framework defines it.

  Usage: cachelings [--help] [--version]
         cachelings serve redis|memcached [options]   (--help lists the options)

  The course's lessons, quizzes and exercises are still being built. What exists today is
  CacheKit, the library learners program against (Django's cache API in Swift, with memory, file
  and Redis backends), and the Redis-protocol and Memcached-protocol servers: see README.md.

  Options:
    -h, --help     show this help
    --version      print the version
  """

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case nil, "-h", "--help", "help":
  print(usage)
case "--version":
  print("cachelings \(version)")
case "serve":
  exit(ServeCommand.run(Array(arguments.dropFirst())))
case let other?:
  let message = other.hasPrefix("-") ? "unknown option '\(other)'" : "unknown command '\(other)'"
  exit(UsageError.report(message, usage: usage))
}
