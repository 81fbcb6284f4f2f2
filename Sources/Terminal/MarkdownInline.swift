/// A span of Markdown inline content.
indirect enum MarkdownInline: Equatable, Sendable {
  case text(String)
  /// `*em*` or `_em_`.
  case emphasis([MarkdownInline])
  /// `**strong**` or `__strong__`.
  case strong([MarkdownInline])
  /// `` `code` ``, its content verbatim.
  case code(String)
  /// `[text](url)`.
  case link(text: [MarkdownInline], url: String)
}
