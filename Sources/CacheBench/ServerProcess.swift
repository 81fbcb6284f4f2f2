import Foundation
import Primitives
import ServerAttacks

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
      if Self.accepts(port) { return }
      usleep(25_000)
    }
    throw BenchError("\(executable) did not start on port \(port)")
  }

  /// Resident memory in bytes, from /proc.
  var residentBytes: Int { ProcessMemory.resident(of: processIdentifier) ?? 0 }

  var processIdentifier: Int32 { process.processIdentifier }

  deinit {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// A port nothing uses now, chosen by the kernel.
  static func freePort() -> UInt16 { LoopbackPort.free() ?? UInt16.random(in: 20_000...30_000) }

  /// Whether something accepts connections on the loopback `port`.
  static func accepts(_ port: UInt16) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }
}

/// Runs a tool from PATH and returns its standard output; throws when it fails.
@discardableResult
func runTool(_ tool: String, _ arguments: [String], input: Data? = nil) throws -> String {
  try StartedTool(tool, arguments, input: input).finish()
}

/// A tool from PATH started in the background, so that several can run at once.
struct StartedTool {
  private let tool: String
  private let process = Process()
  private let output = Pipe()

  init(_ tool: String, _ arguments: [String], input: Data? = nil) throws {
    self.tool = tool
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let inputPipe = Pipe()
    if input != nil { process.standardInput = inputPipe }
    try process.run()
    if let input {
      inputPipe.fileHandleForWriting.write(input)
      try inputPipe.fileHandleForWriting.close()
    }
  }

  /// Waits for the tool to end and returns its standard output; throws when it failed.
  func finish() throws -> String {
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw BenchError("\(tool) exited with \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
