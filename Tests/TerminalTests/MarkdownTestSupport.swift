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

/// Expects markdown to render as `styled` in colour at every one of `widths`, and in the plain theme
/// as the same lines with their escape codes taken out: for blocks whose colour styles the text and
/// changes none of it (a code span does: plain text keeps its backticks, colour drops them).
func expectRendered(
  _ markdown: String, widths: [Int], styled: [String],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectRendered(markdown, widths: widths, themes: [colour], lines: styled, sourceLocation: sourceLocation)
  expectRendered(
    markdown, widths: widths, themes: [.plain], lines: styled.map(withoutEscapes),
    sourceLocation: sourceLocation)
}

/// A line with its SGR sequences taken out: what the plain theme shows of a line in colour.
func withoutEscapes(_ line: String) -> String {
  line.replacing(#/\x{1B}\[[0-9;]*m/#, with: "")
}
