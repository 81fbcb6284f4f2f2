import Foundation
import Glibc

/// A language server (sourcekit-lsp) on pipes, spoken to in JSON-RPC as an editor would: requests wait
/// for their answer, and requests the server sends the editor are answered with null.
final class LanguageServerSession {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var buffer: [UInt8] = []
  private var nextID = 1
  /// How long an answer may take before the session gives up (a first answer loads the modules).
  private let patience: Double

  init(executable: String, folder: String, patience: Double = 180) throws {
    self.patience = patience
    process.executableURL = URL(fileURLWithPath: executable)
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
  }

  deinit {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }

  /// Sends a request and returns its result; throws the server's error, or when no answer came.
  @discardableResult
  func request(_ method: String, _ parameters: [String: Any]) throws -> Any? {
    let id = nextID
    nextID += 1
    try send(["jsonrpc": "2.0", "id": id, "method": method, "params": parameters])
    while true {
      let message = try receive()
      if message["method"] != nil {
        if let asked = message["id"] { try send(["jsonrpc": "2.0", "id": asked, "result": NSNull()]) }
        continue
      }
      guard (message["id"] as? Int) == id else { continue }
      if let error = message["error"] { throw Failure(description: "\(method) failed: \(error)") }
      return message["result"]
    }
  }

  func notify(_ method: String, _ parameters: [String: Any]) throws {
    try send(["jsonrpc": "2.0", "method": method, "params": parameters])
  }

  /// Asks the server to end, as an editor does on quitting.
  func shutDown() throws {
    try request("shutdown", [:])
    try notify("exit", [:])
    process.waitUntilExit()
  }

  private func send(_ message: [String: Any]) throws {
    let body = try JSONSerialization.data(withJSONObject: message)
    input.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
  }

  private func receive() throws -> [String: Any] {
    let deadline = Date().addingTimeInterval(patience)
    while true {
      if let separator = buffer.firstRange(of: Array("\r\n\r\n".utf8)) {
        let header = String(decoding: buffer[..<separator.lowerBound], as: UTF8.self)
        guard
          let line = header.split(separator: "\r\n").first(where: {
            $0.lowercased().hasPrefix("content-length:")
          }),
          let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
        else {
          throw Failure(description: "a message without Content-Length: \(header)")
        }
        if buffer.count - separator.upperBound >= length {
          let body = Data(buffer[separator.upperBound..<separator.upperBound + length])
          buffer.removeFirst(separator.upperBound + length)
          guard let message = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw Failure(description: "a message that is not a JSON object")
          }
          return message
        }
      }
      let left = deadline.timeIntervalSinceNow
      guard left > 0 else { throw Failure(description: "no answer within \(Int(patience)) s") }
      var descriptor = pollfd(
        fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, Int32(left * 1000)) > 0 else { continue }
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { throw Failure(description: "the server ended") }
      buffer += chunk
    }
  }
}
