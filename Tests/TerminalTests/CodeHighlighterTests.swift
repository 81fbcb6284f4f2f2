import Testing

@testable import Terminal

@Suite struct CodeHighlighterTests {
  private func kinds(_ source: String, _ language: CodeHighlighter.Language) -> [String] {
    CodeHighlighter.tokens(source, language: language).map { kind, text in "\(kind):\(text)" }
  }

  @Test func swiftKeywordsNumbersAndStrings() {
    #expect(
      kinds("let n = 0x1F + 1_000.5", .swift) == [
        "keyword:let", "plain: n = ", "number:0x1F", "plain: + ", "number:1_000.5",
      ])
    #expect(
      kinds("for i in 1..<3", .swift) == [
        "keyword:for", "plain: i ", "keyword:in", "plain: ", "number:1", "plain:..<", "number:3",
      ])
  }

  @Test func stringEscapesDoNotEndTheString() {
    #expect(kinds(#"s = "a \"q\" b" + x"#, .swift) == ["plain:s = ", #"string:"a \"q\" b""#, "plain: + x"])
    #expect(kinds(#"'it\'s' "x""#, .python) == [#"string:'it\'s'"#, "plain: ", #"string:"x""#])
  }

  @Test func unterminatedStringEndsAtTheLine() {
    #expect(kinds("\"open\nlet", .swift) == ["string:\"open", "plain:\n", "keyword:let"])
  }

  @Test func swiftComments() {
    #expect(kinds("a // if\nif", .swift) == ["plain:a ", "comment:// if", "plain:\n", "keyword:if"])
    #expect(
      kinds("/* a /* nested */ still */ var", .swift) == [
        "comment:/* a /* nested */ still */", "plain: ", "keyword:var",
      ])
    #expect(kinds("x # y", .swift) == ["plain:x # y"])
    #expect(kinds("@MainActor #if", .swift) == ["plain:@MainActor #if"])
  }

  @Test func pythonCommentsAndTripleQuotes() {
    #expect(
      kinds("def f(): # return\n", .python) == [
        "keyword:def", "plain: f(): ", "comment:# return", "plain:\n",
      ])
    #expect(kinds("'''a\n'b'\n''' None", .python) == ["string:'''a\n'b'\n'''", "plain: ", "keyword:None"])
    #expect(kinds("x // 2", .python) == ["plain:x // ", "number:2"])
  }

  @Test func identifiersContainingDigitsAreNotNumbers() {
    #expect(kinds("utf8 x2", .swift) == ["plain:utf8 x2"])
  }

  @Test func multiLineCommentGivesSelfContainedLines() {
    let theme = Theme(color: true, unicode: true)
    #expect(
      CodeHighlighter.highlight(["/* one", "two */ let"], language: .swift, theme: theme) == [
        sgr("90", "/* one"),
        sgr("90", "two */") + " " + sgr("35", "let"),
      ])
  }

  @Test func languageNames() {
    #expect(CodeHighlighter.Language(name: "Swift") == .swift)
    #expect(CodeHighlighter.Language(name: "py") == .python)
    #expect(CodeHighlighter.Language(name: "rust") == nil)
    #expect(CodeHighlighter.Language(name: nil) == nil)
  }
}
