import Foundation
import TestSupport
import Testing

/// Runs a Python check script against one of our servers with the Python CI provides (Django 5.2,
/// redis-py, pymemcache), and expects it to finish cleanly with "N passed, 0 failed".
enum DjangoCheck {
  static func run(
    _ script: String, port: UInt16, clients: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    guard let python = ProcessInfo.processInfo.environment["CACHELINGS_DJANGO_PYTHON"] else {
      if PeerProcess.requirePeers {
        Issue.record(
          "CACHELINGS_DJANGO_PYTHON is not set, and CI requires it", sourceLocation: sourceLocation)
      }
      print("skipped: the \(clients) check (set CACHELINGS_DJANGO_PYTHON to a Python that has them)")
      return
    }
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
}
