/// One block of a Markdown document, as `MarkdownBlockParser` finds it; inline text is kept raw and
/// parsed when rendered.
indirect enum MarkdownBlock: Equatable, Sendable {
  /// An ATX heading, level 1 to 6, with its raw inline text.
  case heading(level: Int, text: String)
  /// A paragraph, soft line breaks already joined with spaces.
  case paragraph(String)
  /// A fenced code block: its optional language and its lines, verbatim.
  case code(language: String?, lines: [String])
  case list(MarkdownList)
  case quote([MarkdownBlock])
  case table(MarkdownTable)
  /// A thematic break, `---`, `***` or `___`.
  case rule
}

/// An ordered or unordered list; each item is a sequence of blocks, which may hold nested lists.
struct MarkdownList: Equatable, Sendable {
  var ordered: Bool
  /// The number of the first item of an ordered list.
  var start: Int
  var items: [[MarkdownBlock]]
}

/// A pipe table: header cells, one alignment per column, and body rows with as many cells as the header.
struct MarkdownTable: Equatable, Sendable {
  var header: [String]
  var alignments: [TextLayout.Alignment]
  var rows: [[String]]
}
