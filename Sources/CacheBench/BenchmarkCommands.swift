import Arguments

/// A benchmark: it prints its figures beside the real peer's and says whether every target was met. Its
/// `init()` holds the defaults its command's options override.
protocol Benchmark: SendableMetatype {
  init()
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

  /// The command `name` of the benchmark `kind`: its options, in their order, set what they are given
  /// for on the benchmark's defaults.
  init<Kind: Benchmark>(
    _ name: String, of kind: Kind.Type, summary: String, options: [BenchmarkOption<Kind>],
    discussion: String? = nil
  ) {
    spec = CommandSpec(name, summary: summary, options: options.map(\.spec), discussion: discussion)
    make = { given throws(ArgumentError) in
      var benchmark = Kind()
      for option in options { try option.read(given, &benchmark) }
      return benchmark
    }
  }
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
  static let root = CommandSpec(
    "cachelings-bench",
    summary: "Measured figures for the speed targets, with the real peer in the same run.",
    subcommands: all.map(\.spec),
    discussion: "Build optimised first: swift build -c release, then .build/release/cachelings-bench NAME.")

  /// Every benchmark, in the order `--help` lists them.
  static let all: [BenchmarkCommand] = [
    BenchmarkCommand(
      "cachekit", of: CacheKitBenchmark.self,
      summary: "MemoryCache and FileCache beside Django's LocMemCache and FileBasedCache",
      options: [
        .seconds("seconds", \.seconds, help: "length of one timed run (default 1.0)"),
        .count("runs", \.runs, help: "timed runs per figure, the best kept (default 3)"),
        .turningOff("no-django", \.withDjango, help: "measure cachelings only"),
        .text(
          "venv", value: "PATH", \.environment, help: "the virtual environment with Django to use or create"),
      ],
      discussion:
        "get, set and incr per second of each, in the same run, with each ratio against the targets "
        + "(memory 20x Django, file 3x). The first run creates a Python virtual environment with Django 5.2 "
        + "from PyPI."),
    BenchmarkCommand(
      "redis", of: RedisBenchmark.self,
      summary: "our Redis-protocol server beside a real redis-server (redis-benchmark)",
      options: [
        .count("requests", \.requests, help: "requests per test (default 200,000)"),
        .count("keys", \.keysForMemory, help: "keys loaded for the memory comparison (default 1,000,000)"),
      ],
      discussion: "Requests per second of SET, GET and INCR at pipeline 1 and 16 with the ratio, then the "
        + "resident memory of both after loading the same keys. Needs redis-server and redis-tools."),
    BenchmarkCommand(
      "memcached", of: MemcachedBenchmark.self,
      summary: "our memcached-protocol server beside a real memcached (memcaslap)",
      options: [
        .count("seconds", \.seconds, help: "length of one memcaslap run (default 10)"),
        .count("runs", \.runs, help: "rounds, whose ratios' median is reported (default 7)"),
      ],
      discussion: "One client thread, 50 connections, one worker thread per server: rounds of both, the "
        + "median of their ratios, then head-to-head runs with both loaded at once. Needs memcached and "
        + "libmemcached-tools."),
    BenchmarkCommand(
      "startup", of: StartupBenchmark.self,
      summary: "start-to-exit of `cachelings list` against the 50 ms target",
      options: [.count("runs", \.runs, help: "starts measured (default 30)")]),
    BenchmarkCommand(
      "check", of: CheckBenchmark.self,
      summary: "save-to-verdict of `cachelings watch` against the 0.5 s target",
      options: [.count("runs", \.runs, help: "saves measured (default 15)")],
      discussion: "Exercise 1 on all four backends; every save is a real recompile. The cold first check "
        + "is shown beside the warm median."),
    BenchmarkCommand(
      "attacks", of: AttackBenchmark.self,
      summary: "fuzz and resource attacks on our servers and the real ones",
      options: [
        .count("inputs", \.inputs, help: "mutated frames per protocol (default 100,000)"),
        .count("seed", \.seed, help: "the fuzz's seed (default 18)"),
      ],
      discussion: "Inputs survived, and each attack's peak memory above idle and time to answer, ours "
        + "beside the real redis-server's and memcached's."),
  ]
}
