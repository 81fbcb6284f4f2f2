import Foundation
import TestSupport
import Testing

/// Runs Django 5.2's own cache backend against one of our servers in a Python script, with the Python
/// CI provides (Django 5.2, redis-py, pymemcache): the cache API checks every backend shares, then the
/// backend's own, and expects the script to finish cleanly with "N passed, 0 failed".
enum DjangoCheck {
  /// Configures Django's default cache as `backend` at `location` (with `%d` for the port), runs the
  /// shared checks and `checks` (Python lines that call `check(name, got, want)`), then clears the
  /// cache and prints each check's outcome.
  static func run(
    backend: String, location: String, imports: String = "", checks: String, port: UInt16, clients: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    guard let python = RequiredPeer.djangoPython(for: "the \(clients) check", sourceLocation: sourceLocation)
    else { return }
    let script = """
      import sys, time
      PORT = int(sys.argv[1])
      import django
      from django.conf import settings
      settings.configure(CACHES={"default": {"BACKEND": "\(backend)", "LOCATION": "\(location)" % PORT}})
      django.setup()
      from django.core.cache import cache
      \(imports)
      cache.clear()
      checks = []
      def check(name, got, want):
          checks.append((name, got == want, got, want))
      \(cacheAPIChecks)
      \(checks)
      cache.clear(); check("clear", cache.get("gos"), None)
      for name, ok, got, want in checks:
          print(("ok  " if ok else "FAIL"), name, "" if ok else f"got {got!r} want {want!r}")
      print(f"{sum(ok for _, ok, _, _ in checks)} passed, {sum(not ok for _, ok, _, _ in checks)} failed")
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script, String(port)]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text)", sourceLocation: sourceLocation)
    #expect(text.contains(" passed, 0 failed"), "\(text)", sourceLocation: sourceLocation)
  }

  /// Django's cache API as every backend must answer it; it leaves "gos" set for the final clear.
  static let cacheAPIChecks = #"""
    cache.set("greeting", "hello", 60); check("set/get str (pickled)", cache.get("greeting"), "hello")
    check("add existing", cache.add("greeting", "x"), False)
    check("add new", cache.add("new", {"a": [1, 2]}), True); check("get pickled dict", cache.get("new"), {"a": [1, 2]})
    cache.set("n", 1); check("incr", cache.incr("n", 5), 6); check("decr", cache.decr("n"), 5)
    try:
        cache.incr("missing"); check("incr missing raises", False, True)
    except ValueError:
        check("incr missing raises", True, True)
    check("set_many failures", cache.set_many({"a": 1, "b": 2}, 30), []); check("get_many", cache.get_many(["a", "b", "zz"]), {"a": 1, "b": 2})
    check("touch", cache.touch("a", 100), True)
    check("has_key", cache.has_key("b"), True); check("delete", cache.delete("b"), True); check("delete again", cache.delete("b"), False)
    cache.set("zero", 1, 0); check("timeout 0 not kept", cache.get("zero"), None)
    check("get_or_set", cache.get_or_set("gos", lambda: 42, 30), 42)
    cache.incr_version("greeting"); check("incr_version", cache.get("greeting", version=2), "hello")
    cache.delete_many(["a", "n"]); check("delete_many", cache.get_many(["a", "n"]), {})
    """#
}
