import Testing

@testable import Terminal

@Suite struct StyleTests {
  @Test func eachMemberHasItsOwnSGRCode() {
    let expected: [(Style, String)] = [
      (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.red, "31"), (.green, "32"),
      (.yellow, "33"), (.blue, "34"), (.magenta, "35"), (.cyan, "36"), (.gray, "90"),
    ]
    for (style, code) in expected {
      #expect(style.openingSequence == "\u{1B}[\(code)m")
    }
    #expect(Set(expected.map(\.0.rawValue)).count == expected.count)
  }

  @Test func emptyStyleHasNoSequence() {
    #expect(Style().openingSequence == "")
  }
}
