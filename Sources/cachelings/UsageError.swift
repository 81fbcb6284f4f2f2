import Foundation

/// A usage mistake: the message and the command's usage on standard error, and exit status 2.
enum UsageError {
  static func report(_ message: String, usage: String) -> Int32 {
    Output.error("\(message)\n\n\(usage)")
    return 2
  }
}
