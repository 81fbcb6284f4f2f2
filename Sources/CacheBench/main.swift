#if canImport(Glibc)
import Glibc
#endif

/// cachelings-bench: measured figures for the project's speed targets, with the real peer in the same run.
let usage = """
  Usage: cachelings-bench cachekit [--seconds S] [--runs N] [--no-django] [--venv PATH]

  Measures get, set and incr per second of MemoryCache and FileCache and, in the same run,
  of Django 5.2's LocMemCache and FileBasedCache, and prints each figure and each ratio.
  The first run creates a Python virtual environment with Django from PyPI.
  Build it optimised: swift run -c release cachelings-bench cachekit

  Options:
    --seconds S   length of one timed run (default 1.0)
    --runs N      timed runs per figure; the best is kept (default 3)
    --no-django   measure cachelings only
    --venv PATH   the virtual environment to use or create
    -h, --help    show this help
  """

func fail(_ message: String) -> Never {
  print("cachelings-bench: \(message)\n\n\(usage)")
  exit(2)
}

var arguments = CommandLine.arguments.dropFirst()
if arguments.contains("-h") || arguments.contains("--help") {
  print(usage)
  exit(0)
}
guard let command = arguments.popFirst() else { fail("name a benchmark") }
guard command == "cachekit" else { fail("unknown benchmark '\(command)'") }

var benchmark = CacheKitBenchmark()
while let option = arguments.popFirst() {
  switch option {
  case "--no-django": benchmark.withDjango = false
  case "--seconds":
    guard let text = arguments.popFirst(), let value = Double(text), value > 0 else {
      fail("--seconds takes a positive number")
    }
    benchmark.seconds = value
  case "--runs":
    guard let text = arguments.popFirst(), let value = Int(text), value > 0 else {
      fail("--runs takes a positive whole number")
    }
    benchmark.runs = value
  case "--venv":
    guard let path = arguments.popFirst() else { fail("--venv takes a path") }
    benchmark.environment = path
  default: fail("unknown option '\(option)'")
  }
}

do {
  let met = try benchmark.run()
  exit(met ? 0 : 1)
} catch {
  print("cachelings-bench: \(error)")
  exit(1)
}
