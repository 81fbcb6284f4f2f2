import Foundation
import Testing

@testable import Terminal

@Suite struct ThemeTests {
  @Test func plainHasNoColour() {
    #expect(Theme.plain.color == false)
    #expect(Theme.plain.unicode == true)
  }

  @Test func terminalWithoutOverridesGetsColourAndUnicode() {
    let theme = Theme.detect(isTerminal: true, noColorFlag: false, environment: ["TERM": "xterm-256color"])
    #expect(theme == Theme(color: true, unicode: true))
  }

  @Test func noColorWithAValueTurnsColourOff() {
    let theme = Theme.detect(isTerminal: true, noColorFlag: false, environment: ["NO_COLOR": "1"])
    #expect(theme == Theme(color: false, unicode: true))
  }

  @Test func emptyNoColorIsIgnored() {
    let theme = Theme.detect(isTerminal: true, noColorFlag: false, environment: ["NO_COLOR": ""])
    #expect(theme.color)
  }

  @Test func flagTurnsColourOff() {
    #expect(Theme.detect(isTerminal: true, noColorFlag: true, environment: [:]).color == false)
  }

  @Test func dumbTerminalGetsNeitherColourNorUnicode() {
    let theme = Theme.detect(isTerminal: true, noColorFlag: false, environment: ["TERM": "dumb"])
    #expect(theme == Theme(color: false, unicode: false))
  }

  @Test func asciiVariableTurnsUnicodeOffOnly() {
    let theme = Theme.detect(isTerminal: true, noColorFlag: false, environment: ["CACHELINGS_ASCII": "1"])
    #expect(theme == Theme(color: true, unicode: false))
    let other = Theme.detect(isTerminal: true, noColorFlag: false, environment: ["CACHELINGS_ASCII": "0"])
    #expect(other.unicode)
  }

  @Test func notATerminalGetsNoColour() {
    let theme = Theme.detect(isTerminal: false, noColorFlag: false, environment: [:])
    #expect(theme == Theme(color: false, unicode: true))
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
