/// Finds a lesson's fenced code blocks and reads their info strings, so `dev check` can type-check the
/// Swift ones.
enum CodeBlocks {
  /// The words that may follow `swift` in an info string, and what each means.
  static let swiftAttributes: [String: String] = [
    "fragment": "partial or deliberately wrong code, not compiled",
    "exercisekit": "compiled with ExerciseKit imported as well as CacheKit",
  ]

  /// Every fenced block of body in order. A Swift block whose info string has a word the format does not
  /// know is an error, since a typo there would silently skip or misread the block.
  static func collect(_ body: [SourceLine], in source: SourceText) throws(ContentError) -> [CodeBlock] {
    var blocks: [CodeBlock] = []
    var fences = FenceTracker()
    var open: (block: CodeBlock, lines: [String])?
    for line in body {
      switch fences.feed(line) {
      case .text: continue
      case .code: open?.lines.append(line.text)
      case .closing:
        if var block = open?.block {
          block.code = open?.lines.joined(separator: "\n") ?? ""
          blocks.append(block)
        }
        open = nil
      case .opening(let info):
        let words = info.split(separator: " ").map(String.init)
        let block = CodeBlock(
          language: words.first ?? "", attributes: Array(words.dropFirst()), code: "", line: line.number)
        if block.language == "swift",
          let unknown = block.attributes.first(where: { swiftAttributes[$0] == nil })
        {
          let known = swiftAttributes.keys.sorted().joined(separator: " or ")
          throw source.error(
            line.number, "unknown word '\(unknown)' after ```swift; the format knows \(known)")
        }
        open = (block, [])
      }
    }
    if let open { throw source.error(open.block.line, "this code block is not closed: add a closing fence") }
    return blocks
  }
}
