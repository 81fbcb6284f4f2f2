/// Splits Markdown into blocks: ATX headings, paragraphs, fenced code, nested lists, block quotes, pipe
/// tables and rules. A small CommonMark-like subset; HTML is left as paragraph text.
enum MarkdownBlockParser {
  static func parse(_ markdown: String) -> [MarkdownBlock] {
    let lines = markdown.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false)
      .map { TextLayout.expandTabs(String($0)) }
    return parse(lines: lines)
  }

  static func parse(lines: [String]) -> [MarkdownBlock] {
    var blocks: [MarkdownBlock] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if MarkdownLine.isBlank(line) {
        index += 1
      } else if let fence = MarkdownLine.fence(line) {
        blocks.append(code(lines, &index, fence))
      } else if let (level, text) = MarkdownLine.heading(line) {
        blocks.append(.heading(level: level, text: text))
        index += 1
      } else if MarkdownLine.isRule(line) {
        blocks.append(.rule)
        index += 1
      } else if MarkdownLine.quoteContent(line) != nil {
        blocks.append(quote(lines, &index))
      } else if let marker = MarkdownLine.listMarker(line) {
        blocks.append(list(lines, &index, marker))
      } else if let alignments = tableStart(lines, index) {
        blocks.append(table(lines, &index, alignments))
      } else {
        blocks.append(paragraph(lines, &index))
      }
    }
    return blocks
  }

  /// Whether line index starts a block other than a paragraph, so it ends the paragraph before it.
  static func startsBlock(_ lines: [String], _ index: Int) -> Bool {
    let line = lines[index]
    return MarkdownLine.isBlank(line) || MarkdownLine.fence(line) != nil || MarkdownLine.heading(line) != nil
      || MarkdownLine.isRule(line) || MarkdownLine.quoteContent(line) != nil
      || MarkdownLine.listMarker(line) != nil || tableStart(lines, index) != nil
  }

  /// The column alignments when lines index and index + 1 are a table's header and delimiter rows.
  static func tableStart(_ lines: [String], _ index: Int) -> [TextLayout.Alignment]? {
    guard index + 1 < lines.count, lines[index].contains("|"),
      let alignments = MarkdownLine.tableAlignments(lines[index + 1]),
      MarkdownLine.tableCells(lines[index]).count == alignments.count
    else { return nil }
    return alignments
  }

  private static func paragraph(_ lines: [String], _ index: inout Int) -> MarkdownBlock {
    var parts = [lines[index].trimmingSpaces()]
    index += 1
    while index < lines.count, !startsBlock(lines, index) {
      parts.append(lines[index].trimmingSpaces())
      index += 1
    }
    return .paragraph(parts.joined(separator: " "))
  }

  private static func code(
    _ lines: [String], _ index: inout Int, _ fence: MarkdownLine.Fence
  ) -> MarkdownBlock {
    index += 1
    var body: [String] = []
    while index < lines.count {
      let line = lines[index]
      index += 1
      if let closing = MarkdownLine.fence(line), closing.character == fence.character,
        closing.length >= fence.length, closing.info.isEmpty
      {
        break
      }
      let strip = min(fence.indent, MarkdownLine.indent(line))
      body.append(String(line.dropFirst(strip)))
    }
    let language = fence.info.split(separator: " ").first.map(String.init)
    return .code(language: language, lines: body)
  }

  private static func quote(_ lines: [String], _ index: inout Int) -> MarkdownBlock {
    var body: [String] = []
    while index < lines.count {
      let line = lines[index]
      if let content = MarkdownLine.quoteContent(line) {
        body.append(content)
      } else if let last = body.last, !MarkdownLine.isBlank(last), !startsBlock(lines, index) {
        body.append(line)
      } else {
        break
      }
      index += 1
    }
    return .quote(parse(lines: body))
  }

  private static func table(
    _ lines: [String], _ index: inout Int, _ alignments: [TextLayout.Alignment]
  ) -> MarkdownBlock {
    let columns = alignments.count
    func fitted(_ cells: [String]) -> [String] {
      Array((cells + Array(repeating: "", count: max(0, columns - cells.count))).prefix(columns))
    }
    let header = fitted(MarkdownLine.tableCells(lines[index]))
    index += 2
    var rows: [[String]] = []
    while index < lines.count, lines[index].contains("|"), !MarkdownLine.isBlank(lines[index]) {
      rows.append(fitted(MarkdownLine.tableCells(lines[index])))
      index += 1
    }
    return .table(MarkdownTable(header: header, alignments: alignments, rows: rows))
  }

  private static func list(
    _ lines: [String], _ index: inout Int, _ first: MarkdownLine.ListMarker
  ) -> MarkdownBlock {
    var items: [[MarkdownBlock]] = []
    while index < lines.count, let marker = MarkdownLine.listMarker(lines[index]),
      marker.ordered == first.ordered, !MarkdownLine.isRule(lines[index])
    {
      items.append(parse(lines: item(lines, &index, marker)))
      var next = index
      while next < lines.count, MarkdownLine.isBlank(lines[next]) { next += 1 }
      guard next < lines.count, let sibling = MarkdownLine.listMarker(lines[next]),
        sibling.ordered == first.ordered
      else { break }
      index = next
    }
    return .list(MarkdownList(ordered: first.ordered, start: first.number, items: items))
  }

  /// The lines of one list item with its indentation removed: the marker line's content, lines indented
  /// to the content, deeper list items, and lazy continuation lines of a paragraph.
  private static func item(
    _ lines: [String], _ index: inout Int, _ marker: MarkdownLine.ListMarker
  ) -> [String] {
    let first = lines[index]
    var body = [String(first.dropFirst(min(marker.contentIndent, first.count)))]
    index += 1
    while index < lines.count {
      let line = lines[index]
      let indent = MarkdownLine.indent(line)
      if MarkdownLine.isBlank(line) {
        var next = index
        while next < lines.count, MarkdownLine.isBlank(lines[next]) { next += 1 }
        guard next < lines.count, MarkdownLine.indent(lines[next]) >= marker.contentIndent else {
          return body
        }
        body += Array(repeating: "", count: next - index)
        index = next
        continue
      }
      if indent >= marker.contentIndent {
        body.append(String(line.dropFirst(marker.contentIndent)))
      } else if let nested = MarkdownLine.listMarker(line), nested.indent > marker.indent {
        body.append(String(line.dropFirst(indent)))
      } else if let last = body.last, !MarkdownLine.isBlank(last), !startsBlock(lines, index) {
        body.append(String(line.dropFirst(indent)))
      } else {
        return body
      }
      index += 1
    }
    return body
  }
}
