import Foundation
import Testing

@testable import Terminal

@Suite(.serialized) struct RawTerminalTests {
  @Test func notATerminalGivesNil() {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    defer {
      close(fds[0])
      close(fds[1])
    }
    #expect(RawTerminal(input: fds[0]) == nil)
  }

  @Test func rawModeTurnsOffEchoCanonicalModeAndSignals() throws {
    let pty = try PseudoTerminal()
    let before = pty.settings()
    #expect(before.c_lflag & tcflag_t(ECHO) != 0)
    #expect(before.c_lflag & tcflag_t(ICANON) != 0)
    let terminal = try #require(RawTerminal(input: pty.secondary))
    let raw = pty.settings()
    #expect(raw.c_lflag & tcflag_t(ECHO) == 0)
    #expect(raw.c_lflag & tcflag_t(ICANON) == 0)
    #expect(raw.c_lflag & tcflag_t(ISIG) == 0)
    #expect(raw.c_iflag & tcflag_t(ICRNL) == 0)
    #expect(raw.c_oflag == before.c_oflag)
    terminal.restore()
    let after = pty.settings()
    #expect(after.c_lflag == before.c_lflag)
    #expect(after.c_iflag == before.c_iflag)
    #expect(after.c_oflag == before.c_oflag)
    #expect(after.c_cflag == before.c_cflag)
    terminal.restore()
    #expect(pty.settings().c_lflag == before.c_lflag)
  }

  @Test func signalPathRestoresWithoutTheLock() throws {
    let pty = try PseudoTerminal()
    let before = pty.settings()
    let terminal = try #require(RawTerminal(input: pty.secondary))
    #expect(pty.settings().c_lflag & tcflag_t(ECHO) == 0)
    TerminalRestorer.restoreNow()
    #expect(pty.settings().c_lflag == before.c_lflag)
    terminal.restore()
    #expect(pty.settings().c_lflag == before.c_lflag)
  }

  @Test func deinitRestores() throws {
    let pty = try PseudoTerminal()
    let before = pty.settings()
    do {
      let terminal = RawTerminal(input: pty.secondary)
      #expect(terminal != nil)
      #expect(pty.settings().c_lflag & tcflag_t(ICANON) == 0)
    }
    #expect(pty.settings().c_lflag == before.c_lflag)
  }

  @Test func readsKeysTypedAtTheTerminal() throws {
    let pty = try PseudoTerminal()
    let terminal = try #require(RawTerminal(input: pty.secondary))
    defer { terminal.restore() }
    pty.type(Array("a\u{1B}[A\r\u{03}日".utf8))
    #expect(terminal.readKey() == .character("a"))
    #expect(terminal.readKey() == .up)
    #expect(terminal.readKey() == .enter)
    #expect(terminal.readKey() == .interrupt)
    #expect(terminal.readKey() == .character("日"))
  }

  @Test func loneEscapeArrivesAfterTheTimeout() throws {
    let pty = try PseudoTerminal()
    let terminal = try #require(RawTerminal(input: pty.secondary))
    defer { terminal.restore() }
    pty.type([0x1B])
    #expect(terminal.readKey() == .escape)
    pty.type(Array("z".utf8))
    #expect(terminal.readKey() == .character("z"))
  }

  @Test func windowSizeComesFromTheTerminal() throws {
    let pty = try PseudoTerminal()
    var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    #expect(ioctl(pty.secondary, UInt(TIOCSWINSZ), &size) == 0)
    #expect(TerminalSize.columns(fd: pty.secondary, environment: ["COLUMNS": "50"]) == 100)
    size.ws_col = 12
    #expect(ioctl(pty.secondary, UInt(TIOCSWINSZ), &size) == 0)
    #expect(TerminalSize.columns(fd: pty.secondary, environment: [:]) == 20)
  }

  @Test func availableKeysNeverWaitsForAKeyToArrive() throws {
    let pty = try PseudoTerminal()
    let terminal = try #require(RawTerminal(input: pty.secondary))
    defer { terminal.restore() }
    #expect(terminal.availableKeys() == [], "nothing typed: no keys, and no wait")
    pty.type([0x0C])
    #expect(terminal.availableKeys() == [.control("l")], "Ctrl-L is a key of its own")
    pty.type(Array("q\u{1B}".utf8))
    #expect(terminal.availableKeys() == [.character("q"), .escape])
    #expect(terminal.availableKeys() == [])
  }
}
