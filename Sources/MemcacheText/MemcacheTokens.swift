/// A command line split at spaces, as memcached's tokenizer splits it: runs of spaces separate
/// tokens, and nothing else does (a tab belongs to its token). Like memcached, which reads the line as
/// a C string, it ignores everything from a NUL byte on.
///
/// It keeps the line where the decoder read it and only the tokens' positions, so splitting a line
/// allocates one small array; `slice(_:)` reads a token without copying it.
public struct MemcacheTokens: Equatable, Sendable {
  private let line: ArraySlice<UInt8>
  private let bounds: [Range<Int>]

  public init(_ line: ArraySlice<UInt8>) {
    let end = line.firstIndex(of: 0) ?? line.endIndex
    var bounds: [Range<Int>] = []
    bounds.reserveCapacity(6)
    var index = line.startIndex
    while index < end {
      while index < end && line[index] == 32 { index += 1 }
      guard index < end else { break }
      let start = index
      while index < end && line[index] != 32 { index += 1 }
      bounds.append(start..<index)
    }
    self.line = line
    self.bounds = bounds
  }

  public init(_ text: String) { self.init(Array(text.utf8)[...]) }

  public var count: Int { bounds.count }
  public var isEmpty: Bool { bounds.isEmpty }

  /// A copy of token `index`.
  public subscript(_ index: Int) -> [UInt8] { Array(line[bounds[index]]) }

  /// Token `index` in place.
  public func slice(_ index: Int) -> ArraySlice<UInt8> { line[bounds[index]] }

  /// Every token, copied.
  public var tokens: [[UInt8]] { bounds.map { Array(line[$0]) } }

  /// Whether token `index` is exactly `word`.
  public func token(_ index: Int, is word: StaticString) -> Bool {
    let token = line[bounds[index]]
    guard token.count == word.utf8CodeUnitCount else { return false }
    return word.withUTF8Buffer { token.elementsEqual($0) }
  }

  /// True when the last token is `noreply`, which silences the command's reply.
  public var hasNoReply: Bool { !bounds.isEmpty && token(bounds.count - 1, is: "noreply") }

  public static func == (left: MemcacheTokens, right: MemcacheTokens) -> Bool {
    left.count == right.count && left.bounds.indices.allSatisfy { left.slice($0) == right.slice($0) }
  }
}
