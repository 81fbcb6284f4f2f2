import Testing

@testable import Terminal

@Suite struct ThemeTests {
  @Test func plainHasNoColour() {
    #expect(Theme.plain.color == false)
  }
}
