import Foundation

/// Django's LocMemCache and FileBasedCache, measured by a Python script in a virtual environment that
/// holds Django 5.2 from PyPI (created on first use).
struct DjangoPeer {
  let environment: String

  static var defaultEnvironment: String {
    let cacheHome =
      ProcessInfo.processInfo.environment["XDG_CACHE_HOME"]
      ?? (NSHomeDirectory() + "/.cache")
    return cacheHome + "/cachelings/django-5.2-venv"
  }

  private var python: String { environment + "/bin/python" }

  /// Creates the virtual environment and installs Django 5.2 unless that was done before.
  func prepare() throws {
    if FileManager.default.isExecutableFile(atPath: python),
      (try? run(python, ["-c", "import django; assert django.VERSION[:2] == (5, 2)"])) != nil
    {
      return
    }
    note("creating a Python virtual environment with Django 5.2 in \(environment) (once; about a minute)")
    try run("python3", ["-m", "venv", environment])
    try run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "Django>=5.2,<5.3"])
  }

  /// Runs the workload on Django's backends; returns the Django version and operations per second by name.
  func measure(
    keys: Int, valueSize: Int, seconds: Double, runs: Int, directory: String
  ) throws
    -> (version: String, rates: [String: Double])
  {
    let output = try run(
      python, ["-c", Self.script, String(keys), String(valueSize), String(seconds), String(runs), directory])
    var version = "?"
    var rates: [String: Double] = [:]
    for line in output.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count == 2 else { continue }
      if fields[0] == "version" {
        version = String(fields[1])
      } else if let rate = Double(fields[1]) {
        rates[String(fields[0])] = rate
      }
    }
    return (version, rates)
  }

  @discardableResult
  private func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw BenchError(
        "\(executable) \(arguments.prefix(2).joined(separator: " ")) failed with status \(process.terminationStatus)"
      )
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// The same workload as the Swift side: the same keys, values and operation mix, timed the same way.
  static let script = #"""
    import sys, time
    import django
    from django.conf import settings
    settings.configure()
    from django.core.cache.backends.locmem import LocMemCache
    from django.core.cache.backends.filebased import FileBasedCache

    keys, size, seconds, runs, directory = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    names = ["key-%d" % i for i in range(keys)]
    value = b"v" * size

    def rate(operation):
        best = 0.0
        for _ in range(runs):
            done, batch, start = 0, 1000, time.perf_counter()
            while True:
                for i in range(done, done + batch):
                    operation(i)
                done += batch
                elapsed = time.perf_counter() - start
                if elapsed >= seconds:
                    best = max(best, done / elapsed)
                    break
                if elapsed < seconds / 10:
                    batch *= 2
        return best

    def measure(label, cache):
        for name in names:
            cache.set(name, value)
            cache.set("n-" + name, 0)
        counters = ["n-" + name for name in names]
        print(label + ".set", rate(lambda i: cache.set(names[i % keys], value)))
        print(label + ".get", rate(lambda i: cache.get(names[i % keys])))
        print(label + ".incr", rate(lambda i: cache.incr(counters[i % keys])))
        cache.clear()

    print("version", django.get_version())
    measure("memory", LocMemCache("bench", {}))
    measure("file", FileBasedCache(directory, {}))
    """#
}

struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

func note(_ text: String) {
  FileHandle.standardError.write(Data(("cachelings-bench: " + text + "\n").utf8))
}
