import Foundation

/// Standard output and error, flushed as they go so screens and pipes see text at once.
enum Output {
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func error(_ message: String) {
    FileHandle.standardError.write(Data("cachelings: \(message)\n".utf8))
  }
}
