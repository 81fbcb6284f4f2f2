import Foundation

/// Runs a built program to its end with pipes, for tests that drive an executable as a user would:
/// what it printed on each stream and how it exited.
public enum ProgramRun {
  /// Runs executable; input (when given) is its standard input, else /dev/null. Both output streams are
  /// read at once, so a program that fills one cannot stall on it.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String], input: String? = nil,
    directory: String? = nil
  ) throws -> (status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let stdin = input.map { _ in Pipe() }
    process.standardInput = stdin ?? FileHandle.nullDevice
    try process.run()
    let errorText = ErrorStream(errors.fileHandleForReading)
    if let stdin, let input {
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
    }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), errorText.wait())
  }

  /// Standard error, read on a thread of its own while standard output is read.
  private final class ErrorStream: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
      DispatchQueue.global().async {
        self.data = handle.readDataToEndOfFile()
        self.done.signal()
      }
    }

    func wait() -> String {
      done.wait()
      return String(decoding: data, as: UTF8.self)
    }
  }
}
