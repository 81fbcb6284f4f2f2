#if canImport(Glibc)
import Glibc
#endif

/// cachelings-bench: measured figures for the project's speed targets, with the real peer in the same run.
let usage = """
  Usage: cachelings-bench cachekit [--seconds S] [--runs N] [--no-django] [--venv PATH]
         cachelings-bench redis [--requests N] [--keys N]
         cachelings-bench memcached [--seconds N] [--runs N]
         cachelings-bench startup [--runs N]
         cachelings-bench check [--runs N]
         cachelings-bench attacks [--inputs N] [--seed N]

  cachekit: get, set and incr per second of MemoryCache and FileCache and, in the same run,
  of Django 5.2's LocMemCache and FileBasedCache, with each ratio. The first run creates a
  Python virtual environment with Django from PyPI.
  redis: redis-benchmark against `cachelings serve redis` and a real redis-server in the same
  run (requests per second at pipeline 1 and 16, and the ratio), then resident memory of both
  after loading the same keys. Needs redis-server and redis-tools.
  memcached: memcaslap (one client thread, 50 connections) against `cachelings serve memcached`
  and a real memcached, one worker thread each, seven rounds of both; TPS and the median of the
  rounds' ratios, then three head-to-head runs with both loaded at once. Needs memcached and
  libmemcached-tools.
  startup: start-to-exit time of `cachelings list`, the median against the 50 ms target.
  check: save-to-verdict of `cachelings watch` on exercise 1 over all four backends, the warm
  median against the 0.5 s target, with the figure before and the cold first check beside it.
  attacks: a seeded fuzz of N mutated frames (default 100,000) per protocol and issue #18's
  resource attacks at full size, on our servers and the real redis-server and memcached side by
  side: inputs survived, and each attack's peak memory above idle and time to answer.
  Build optimised first: swift build -c release, then .build/release/cachelings-bench ...

  Options:
    --seconds S   length of one timed run (default 1.0)
    --runs N      timed runs per figure: cachekit keeps the best (default 3), memcached takes the
                  median of N rounds (default 7)
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
if command == "redis" {
  var redis = RedisBenchmark()
  while let option = arguments.popFirst() {
    guard let text = arguments.popFirst(), let value = Int(text), value > 0 else {
      fail("\(option) takes a positive whole number")
    }
    switch option {
    case "--requests": redis.requests = value
    case "--keys": redis.keysForMemory = value
    default: fail("unknown option '\(option)'")
    }
  }
  do {
    exit(try redis.run() ? 0 : 1)
  } catch {
    print("cachelings-bench: \(error)")
    exit(1)
  }
}
if command == "memcached" {
  var memcached = MemcachedBenchmark()
  while let option = arguments.popFirst() {
    guard let text = arguments.popFirst(), let value = Int(text), value > 0 else {
      fail("\(option) takes a positive whole number")
    }
    switch option {
    case "--seconds": memcached.seconds = value
    case "--runs": memcached.runs = value
    default: fail("unknown option '\(option)'")
    }
  }
  do {
    exit(try memcached.run() ? 0 : 1)
  } catch {
    print("cachelings-bench: \(error)")
    exit(1)
  }
}
if command == "startup" {
  var startup = StartupBenchmark()
  while let option = arguments.popFirst() {
    guard option == "--runs", let text = arguments.popFirst(), let value = Int(text), value > 0 else {
      fail("startup takes --runs N")
    }
    startup.runs = value
  }
  do {
    exit(try startup.run() ? 0 : 1)
  } catch {
    print("cachelings-bench: \(error)")
    exit(1)
  }
}
if command == "attacks" {
  var attacks = AttackBenchmark()
  while let option = arguments.popFirst() {
    guard let text = arguments.popFirst(), let value = Int(text), value > 0 else {
      fail("\(option) takes a positive whole number")
    }
    switch option {
    case "--inputs": attacks.inputs = value
    case "--seed": attacks.seed = UInt64(value)
    default: fail("unknown option '\(option)'")
    }
  }
  do {
    exit(try attacks.run() ? 0 : 1)
  } catch {
    print("cachelings-bench: \(error)")
    exit(1)
  }
}
if command == "check" {
  var check = CheckBenchmark()
  while let option = arguments.popFirst() {
    guard option == "--runs", let text = arguments.popFirst(), let value = Int(text), value > 0 else {
      fail("check takes --runs N")
    }
    check.runs = value
  }
  do {
    exit(try check.run() ? 0 : 1)
  } catch {
    print("cachelings-bench: \(error)")
    exit(1)
  }
}
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
