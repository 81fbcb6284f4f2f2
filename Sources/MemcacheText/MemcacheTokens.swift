/// A command line split at spaces, as memcached's tokenizer splits it: runs of spaces separate
/// tokens, and nothing else does (a tab belongs to its token). Like memcached, which reads the line as
/// a C string, it ignores everything from a NUL byte on.
public struct MemcacheTokens: Equatable, Sendable {
  public let tokens: [[UInt8]]

  public init(_ line: ArraySlice<UInt8>) {
    let text = line.prefix { $0 != 0 }
    tokens = text.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true).map(Array.init)
  }

  public init(_ text: String) { self.init(Array(text.utf8)[...]) }

  public var count: Int { tokens.count }
  public var isEmpty: Bool { tokens.isEmpty }
  public subscript(_ index: Int) -> [UInt8] { tokens[index] }

  /// True when the last token is `noreply`, which silences the command's reply.
  public var hasNoReply: Bool { tokens.last == Array("noreply".utf8) }
}
