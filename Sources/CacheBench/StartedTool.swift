import Foundation

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
