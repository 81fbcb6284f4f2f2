/// A command line split at spaces, as memcached's tokenizer splits it: runs of spaces separate
/// tokens, and nothing else does (a tab belongs to its token). Like memcached, which reads the line as
/// a C string, it ignores everything from a NUL byte on.
///
/// It keeps the line where the decoder read it and only the tokens' positions, the first eight of
/// them inline, so splitting an ordinary command line allocates nothing; `slice(_:)` reads a token
/// without copying it.
public struct MemcacheTokens: Equatable, Sendable {
  private let line: ArraySlice<UInt8>
  private var first = InlineArray<8, Range<Int>>(repeating: 0..<0)
  /// Positions of the tokens after the first eight (a `get` of many keys).
  private var rest: [Range<Int>] = []
  public private(set) var count = 0

  public init(_ line: ArraySlice<UInt8>) {
    self.line = line
    // Spaces and the NUL are found with memchr, which scans many bytes at a time: a command line is
    // mostly one long key.
    line.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return }
      let end = ByteSearch.first(0, in: base, from: 0, to: bytes.count) ?? bytes.count
      var index = 0
      while index < end {
        while index < end && base[index] == 32 { index += 1 }
        guard index < end else { break }
        let start = index
        index = ByteSearch.first(32, in: base, from: start, to: end) ?? end
        let token = (line.startIndex + start)..<(line.startIndex + index)
        if count < first.count {
          first[count] = token
        } else {
          rest.append(token)
        }
        count += 1
      }
    }
  }

  private func bounds(_ index: Int) -> Range<Int> {
    precondition(index >= 0 && index < count, "token \(index) of \(count)")
    return index < first.count ? first[index] : rest[index - first.count]
  }

  public init(_ text: String) { self.init(Array(text.utf8)[...]) }

  public var isEmpty: Bool { count == 0 }

  /// A copy of token `index`.
  public subscript(_ index: Int) -> [UInt8] { Array(line[bounds(index)]) }

  /// Token `index` in place.
  public func slice(_ index: Int) -> ArraySlice<UInt8> { line[bounds(index)] }

  /// Every token, copied.
  public var tokens: [[UInt8]] { (0..<count).map { self[$0] } }

  /// Whether token `index` is exactly `word`.
  public func token(_ index: Int, is word: StaticString) -> Bool {
    let token = line[bounds(index)]
    guard token.count == word.utf8CodeUnitCount else { return false }
    return word.withUTF8Buffer { token.elementsEqual($0) }
  }

  /// True when the last token is `noreply`, which silences the command's reply.
  public var hasNoReply: Bool { count > 0 && token(count - 1, is: "noreply") }

  public static func == (left: MemcacheTokens, right: MemcacheTokens) -> Bool {
    left.count == right.count && (0..<left.count).allSatisfy { left.slice($0) == right.slice($0) }
  }
}
