import Foundation
import Testing

@testable import Terminal

@Suite struct ThemeTests {
  @Test func plainHasNoColour() {
    #expect(Theme.plain.color == false)
    #expect(Theme.plain.unicode == true)
  }

  /// The terminal and the environment decide the theme: NO_COLOR with a value and a pipe turn colour
  /// off, TERM=dumb turns both off.
  @Test(
    arguments: [
      (true, ["TERM": "xterm-256color"], Theme(color: true, unicode: true)),
      (true, ["NO_COLOR": "1"], Theme(color: false, unicode: true)),
      (true, ["TERM": "dumb"], Theme(color: false, unicode: false)),
      (false, [:], Theme(color: false, unicode: true)),
    ] as [(Bool, [String: String], Theme)])
  func detect(isTerminal: Bool, environment: [String: String], expected: Theme) {
    #expect(Theme.detect(isTerminal: isTerminal, noColorFlag: false, environment: environment) == expected)
  }

  @Test func emptyNoColorIsIgnored() {
    let theme = Theme.detect(isTerminal: true, noColorFlag: false, environment: ["NO_COLOR": ""])
    #expect(theme.color)
  }

  @Test func flagTurnsColourOff() {
    #expect(Theme.detect(isTerminal: true, noColorFlag: true, environment: [:]).color == false)
  }

  @Test func asciiVariableTurnsUnicodeOffOnly() {
    let theme = Theme.detect(isTerminal: true, noColorFlag: false, environment: ["CACHELINGS_ASCII": "1"])
    #expect(theme == Theme(color: true, unicode: false))
    let other = Theme.detect(isTerminal: true, noColorFlag: false, environment: ["CACHELINGS_ASCII": "0"])
    #expect(other.unicode)
  }

  @Test func pipeAndDevNullAreNotTerminals() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    defer {
      close(fds[0])
      close(fds[1])
    }
    #expect(Theme.detect(fd: fds[1], environment: ["TERM": "xterm"]) == Theme(color: false, unicode: true))
    let null = open("/dev/null", O_WRONLY)
    defer { close(null) }
    #expect(Theme.detect(fd: null, environment: ["TERM": "dumb"]) == Theme(color: false, unicode: false))
  }

  @Test func paintWrapsTextInSGRCodes() {
    let theme = Theme(color: true, unicode: true)
    #expect(theme.paint("hit", .green) == "\u{1B}[32mhit\u{1B}[0m")
    #expect(theme.paint("miss", [.bold, .red]) == "\u{1B}[1;31mmiss\u{1B}[0m")
    #expect(theme.paint("x", [.gray, .underline, .italic, .dim]) == "\u{1B}[2;3;4;90mx\u{1B}[0m")
    #expect(theme.paint("plain", []) == "plain")
  }

  @Test func paintWithoutColourLeavesTextAlone() {
    #expect(Theme.plain.paint("hit", [.bold, .green]) == "hit")
  }
}
