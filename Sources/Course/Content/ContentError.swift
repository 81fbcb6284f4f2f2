/// A mistake in a lesson, quiz or exercise file, located so an author can jump to it: `file:line: message`.
public struct ContentError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var message: String

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: message`, or `file: message` for a problem with the whole file.
  public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
