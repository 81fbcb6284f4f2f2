import Testing

@testable import Terminal

/// Colour and Unicode, as on a modern terminal.
let colour = Theme(color: true, unicode: true)
/// No colour and ASCII only, as with TERM=dumb.
let ascii = Theme(color: false, unicode: false)

/// Text between the SGR sequence for codes and a reset, as `Theme.paint` writes it.
func sgr(_ codes: String, _ text: String) -> String {
  "\u{1B}[\(codes)m\(text)\u{1B}[0m"
}

/// The rendered lines, after checking that none is wider than width.
func rendered(_ markdown: String, width: Int, _ theme: Theme) -> [String] {
  let lines = MarkdownRenderer(width: width, theme: theme).renderLines(markdown)
  for line in lines {
    #expect(DisplayWidth.of(line) <= width, "too wide: \(line)")
  }
  return lines
}

/// Expects markdown to render as `lines` at every one of `widths` in every one of `themes`: a block
/// that neither wraps differently nor takes colour renders alike in all of them.
func expectRendered(
  _ markdown: String, widths: [Int], themes: [Theme], lines: [String],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  for width in widths {
    for theme in themes {
      #expect(
        rendered(markdown, width: width, theme) == lines, "at width \(width) with \(theme)",
        sourceLocation: sourceLocation)
    }
  }
}
