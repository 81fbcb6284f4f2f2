import Arguments

/// A benchmark: it prints its figures beside the real peer's and says whether every target was met.
protocol Benchmark {
  func run() throws -> Bool
}

extension RedisBenchmark: Benchmark {}
extension MemcachedBenchmark: Benchmark {}
extension StartupBenchmark: Benchmark {}
extension CheckBenchmark: Benchmark {}
extension AttackBenchmark: Benchmark {}
extension CacheKitBenchmark: Benchmark {}

/// One benchmark's command: its spec for the parser and how its options make the benchmark.
struct BenchmarkCommand: Sendable {
  var spec: CommandSpec
  var make: @Sendable (BenchmarkOptions) throws(ArgumentError) -> any Benchmark
}

/// A benchmark's parsed options, read as the positive numbers they must be.
struct BenchmarkOptions {
  var parsed: ParsedArguments
  var usage: String

  func count(_ name: String) throws(ArgumentError) -> Int? {
    guard let text = parsed.value(name) else { return nil }
    guard let value = Int(text), value > 0 else {
      throw ArgumentError("--\(name) takes a positive whole number, not '\(text)'", usage: usage)
    }
    return value
  }

  func seconds(_ name: String) throws(ArgumentError) -> Double? {
    guard let text = parsed.value(name) else { return nil }
    guard let value = Double(text), value > 0 else {
      throw ArgumentError("--\(name) takes a positive number, not '\(text)'", usage: usage)
    }
    return value
  }
}

extension BenchmarkCommand {
  static let all: [BenchmarkCommand] = [cachekit, redis, memcached, startup, check, attacks]

  static let root = CommandSpec(
    "cachelings-bench",
    summary: "Measured figures for the speed targets, with the real peer in the same run.",
    subcommands: all.map(\.spec),
    discussion: "Build optimised first: swift build -c release, then .build/release/cachelings-bench NAME.")

  static let cachekit = BenchmarkCommand(
    spec: CommandSpec(
      "cachekit",
      summary: "MemoryCache and FileCache beside Django's LocMemCache and FileBasedCache",
      options: [
        OptionSpec("seconds", value: "S", help: "length of one timed run (default 1.0)"),
        OptionSpec("runs", value: "N", help: "timed runs per figure, the best kept (default 3)"),
        OptionSpec("no-django", help: "measure cachelings only"),
        OptionSpec("venv", value: "PATH", help: "the virtual environment with Django to use or create"),
      ],
      discussion:
        "get, set and incr per second of each, in the same run, with each ratio against the targets "
        + "(memory 20x Django, file 3x). The first run creates a Python virtual environment with Django 5.2 "
        + "from PyPI."),
    make: { options throws(ArgumentError) in
      var benchmark = CacheKitBenchmark()
      benchmark.seconds = try options.seconds("seconds") ?? benchmark.seconds
      benchmark.runs = try options.count("runs") ?? benchmark.runs
      benchmark.withDjango = !options.parsed.flag("no-django")
      benchmark.environment = options.parsed.value("venv") ?? benchmark.environment
      return benchmark
    })

  static let redis = BenchmarkCommand(
    spec: CommandSpec(
      "redis",
      summary: "our Redis-protocol server beside a real redis-server (redis-benchmark)",
      options: [
        OptionSpec("requests", value: "N", help: "requests per test (default 200,000)"),
        OptionSpec("keys", value: "N", help: "keys loaded for the memory comparison (default 1,000,000)"),
      ],
      discussion: "Requests per second of SET, GET and INCR at pipeline 1 and 16 with the ratio, then the "
        + "resident memory of both after loading the same keys. Needs redis-server and redis-tools."),
    make: { options throws(ArgumentError) in
      var benchmark = RedisBenchmark()
      benchmark.requests = try options.count("requests") ?? benchmark.requests
      benchmark.keysForMemory = try options.count("keys") ?? benchmark.keysForMemory
      return benchmark
    })

  static let memcached = BenchmarkCommand(
    spec: CommandSpec(
      "memcached",
      summary: "our memcached-protocol server beside a real memcached (memcaslap)",
      options: [
        OptionSpec("seconds", value: "N", help: "length of one memcaslap run (default 10)"),
        OptionSpec("runs", value: "N", help: "rounds, whose ratios' median is reported (default 7)"),
      ],
      discussion: "One client thread, 50 connections, one worker thread per server: rounds of both, the "
        + "median of their ratios, then head-to-head runs with both loaded at once. Needs memcached and "
        + "libmemcached-tools."),
    make: { options throws(ArgumentError) in
      var benchmark = MemcachedBenchmark()
      benchmark.seconds = try options.count("seconds") ?? benchmark.seconds
      benchmark.runs = try options.count("runs") ?? benchmark.runs
      return benchmark
    })

  static let startup = BenchmarkCommand(
    spec: CommandSpec(
      "startup", summary: "start-to-exit of `cachelings list` against the 50 ms target",
      options: [OptionSpec("runs", value: "N", help: "starts measured (default 30)")]),
    make: { options throws(ArgumentError) in
      var benchmark = StartupBenchmark()
      benchmark.runs = try options.count("runs") ?? benchmark.runs
      return benchmark
    })

  static let check = BenchmarkCommand(
    spec: CommandSpec(
      "check",
      summary: "save-to-verdict of `cachelings watch` against the 0.5 s target",
      options: [OptionSpec("runs", value: "N", help: "saves measured (default 15)")],
      discussion: "Exercise 1 on all four backends; every save is a real recompile. The cold first check "
        + "is shown beside the warm median."),
    make: { options throws(ArgumentError) in
      var benchmark = CheckBenchmark()
      benchmark.runs = try options.count("runs") ?? benchmark.runs
      return benchmark
    })

  static let attacks = BenchmarkCommand(
    spec: CommandSpec(
      "attacks",
      summary: "fuzz and resource attacks on our servers and the real ones",
      options: [
        OptionSpec("inputs", value: "N", help: "mutated frames per protocol (default 100,000)"),
        OptionSpec("seed", value: "N", help: "the fuzz's seed (default 18)"),
      ],
      discussion: "Inputs survived, and each attack's peak memory above idle and time to answer, ours "
        + "beside the real redis-server's and memcached's."),
    make: { options throws(ArgumentError) in
      var benchmark = AttackBenchmark()
      benchmark.inputs = try options.count("inputs") ?? benchmark.inputs
      benchmark.seed = try options.count("seed").map(UInt64.init) ?? benchmark.seed
      return benchmark
    })
}
