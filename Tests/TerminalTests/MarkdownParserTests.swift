import Testing

@testable import Terminal

@Suite struct MarkdownParserTests {
  @Test func headingsDropClosingHashes() {
    #expect(
      MarkdownBlockParser.parse("# One #\n###### Six\n####### seven\n#no") == [
        .heading(level: 1, text: "One"), .heading(level: 6, text: "Six"),
        .paragraph("####### seven #no"),
      ])
  }

  @Test func nestedListsByIndentation() {
    let blocks = MarkdownBlockParser.parse("- a\n  - b\n    1. c\n- d")
    #expect(
      blocks == [
        .list(
          MarkdownList(
            ordered: false, start: 1,
            items: [
              [
                .paragraph("a"),
                .list(
                  MarkdownList(
                    ordered: false, start: 1,
                    items: [
                      [
                        .paragraph("b"),
                        .list(MarkdownList(ordered: true, start: 1, items: [[.paragraph("c")]])),
                      ]
                    ]
                  )),
              ],
              [.paragraph("d")],
            ]))
      ])
  }

  @Test func orderedListKeepsItsStart() {
    #expect(
      MarkdownBlockParser.parse("3) x\n4) y") == [
        .list(MarkdownList(ordered: true, start: 3, items: [[.paragraph("x")], [.paragraph("y")]]))
      ])
  }

  @Test func fencesWithTildesAndLongerClosings() {
    #expect(
      MarkdownBlockParser.parse("~~~~ python extra\n```\ncode\n~~~~~\nafter") == [
        .code(language: "python", lines: ["```", "code"]), .paragraph("after"),
      ])
    #expect(MarkdownBlockParser.parse("```\nnever closed") == [.code(language: nil, lines: ["never closed"])])
  }

  @Test func rulesAndListsAreTold() {
    #expect(MarkdownBlockParser.parse("* * *\n- - -\n___") == [.rule, .rule, .rule])
    #expect(MarkdownBlockParser.parse("-not a list") == [.paragraph("-not a list")])
  }

  @Test func tableCellsAlignmentsAndEscapedPipes() {
    #expect(
      MarkdownBlockParser.parse("a | b\n:-: | --:\n1 \\| 2 | 3 | extra\nlast") == [
        .table(MarkdownTable(header: ["a", "b"], alignments: [.center, .right], rows: [["1 | 2", "3"]])),
        .paragraph("last"),
      ])
    #expect(MarkdownBlockParser.parse("a | b\nnot a delimiter") == [.paragraph("a | b not a delimiter")])
  }

  @Test func quotesTakeLazyContinuation() {
    #expect(
      MarkdownBlockParser.parse("> one\ntwo\n\nthree") == [
        .quote([.paragraph("one two")]), .paragraph("three"),
      ])
  }

  @Test func crlfLineEndsAreLineEnds() {
    #expect(
      MarkdownBlockParser.parse("a\r\nb\r\n\r\n# c") == [.paragraph("a b"), .heading(level: 1, text: "c")])
  }

  @Test func inlineNesting() {
    #expect(
      MarkdownInlineParser.parse("**a *b* c**") == [
        .strong([.text("a "), .emphasis([.text("b")]), .text(" c")])
      ])
    #expect(MarkdownInlineParser.parse("***x***") == [.strong([.emphasis([.text("x")])])])
    #expect(MarkdownInlineParser.parse("a * b * c") == [.text("a * b * c")])
    #expect(MarkdownInlineParser.parse("snake_case_name") == [.text("snake_case_name")])
    #expect(MarkdownInlineParser.parse("*`*`*") == [.emphasis([.code("*")])])
  }

  @Test func linksAndUnmatchedBrackets() {
    #expect(
      MarkdownInlineParser.parse("[a [b] c](http://x/(y) \"title\")") == [
        .link(text: [.text("a [b] c")], url: "http://x/(y)")
      ])
    #expect(MarkdownInlineParser.parse("[a] (b)") == [.text("[a] (b)")])
    #expect(MarkdownInlineParser.parse("[**b**](<u>)") == [.link(text: [.strong([.text("b")])], url: "u")])
  }

  @Test func codeSpansKeepTheirContent() {
    #expect(MarkdownInlineParser.parse("`` a`b ``") == [.code("a`b")])
    #expect(MarkdownInlineParser.parse("`*not em*`") == [.code("*not em*")])
    #expect(MarkdownInlineParser.parse("``unclosed`") == [.text("``unclosed`")])
  }
}
