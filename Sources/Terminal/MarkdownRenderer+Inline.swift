extension MarkdownRenderer {
  /// One line of inline Markdown (code, emphasis, links) painted for the terminal, without wrapping:
  /// for short texts set inside other layouts, such as quiz options and key help.
  public func inlineLine(_ text: String, style: Style = []) -> String {
    inline(text, style)
  }

  /// Inline Markdown turned into painted text: emphasis italic, strong bold, code cyan (in backticks
  /// when there is no colour), links as `text (url)`, or just the text when it is the URL. Neighbouring
  /// runs of the same style are painted as one.
  func inline(_ text: String, _ base: Style) -> String {
    var runs: [(text: String, style: Style)] = []
    for run in segments(MarkdownInlineParser.parse(text), base) {
      if let last = runs.last, last.style == run.style {
        runs[runs.count - 1].text += run.text
      } else {
        runs.append(run)
      }
    }
    return runs.map { theme.paint($0.text, $0.style) }.joined()
  }

  private func segments(_ nodes: [MarkdownInline], _ style: Style) -> [(text: String, style: Style)] {
    nodes.flatMap { node -> [(text: String, style: Style)] in
      switch node {
      case .text(let text):
        return [(text, style)]
      case .emphasis(let children):
        return segments(children, style.union(.italic))
      case .strong(let children):
        return segments(children, style.union(.bold))
      case .code(let code):
        return theme.color ? [(code, style.union(.cyan))] : [("`" + code + "`", style)]
      case .link(let children, let url):
        let text = segments(children, style.union(.underline))
        if url.isEmpty || text.map(\.text).joined() == url { return text }
        return text + [(" (" + url + ")", style.union(.dim))]
      }
    }
  }
}
