import Foundation

/// A server process started for a benchmark on a free loopback port, killed when released.
final class ServerProcess {
  let port: UInt16
  private let process: Process

  init(executable: String, arguments: [String], port: UInt16) throws {
    self.port = port
    process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    for _ in 0..<200 {
      if (try? runTool("redis-cli", ["-p", String(port), "PING"]))?.contains("PONG") == true { return }
      usleep(25_000)
    }
    throw BenchError("\(executable) did not start on port \(port)")
  }

  /// Resident memory in bytes, from /proc.
  var residentBytes: Int {
    guard
      let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
      let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes * 1024
  }

  deinit {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  static func freePort() -> UInt16 { UInt16.random(in: 20_000...60_000) }
}

/// Runs a tool from PATH and returns its standard output; throws when it fails.
@discardableResult
func runTool(_ tool: String, _ arguments: [String], input: Data? = nil) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [tool] + arguments
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  let inputPipe = Pipe()
  if input != nil { process.standardInput = inputPipe }
  try process.run()
  if let input {
    inputPipe.fileHandleForWriting.write(input)
    try inputPipe.fileHandleForWriting.close()
  }
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    throw BenchError("\(tool) exited with \(process.terminationStatus)")
  }
  return String(decoding: data, as: UTF8.self)
}
