/// A command line the parser could not read; its description says what to do instead.
public struct ArgumentError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  /// The usage of the command the mistake belongs to, printed after the message.
  public var usage: String

  public init(_ message: String, usage: String) {
    self.message = message
    self.usage = usage
  }

  public var description: String { message }
}
