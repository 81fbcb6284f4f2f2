import Foundation
import Testing

@testable import Terminal

@Suite struct TerminalSizeTests {
  /// A descriptor that is not a terminal, so TIOCGWINSZ fails and the environment decides.
  private func withPipe(_ body: (Int32) -> Void) {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    body(fds[1])
    close(fds[0])
    close(fds[1])
  }

  @Test func columnsFromTheEnvironment() {
    withPipe { fd in
      #expect(TerminalSize.columns(fd: fd, environment: ["COLUMNS": "132"]) == 132)
    }
  }

  @Test func eightyWithoutTerminalOrColumns() {
    withPipe { fd in
      #expect(TerminalSize.columns(fd: fd, environment: [:]) == 80)
      #expect(TerminalSize.columns(fd: fd, environment: ["COLUMNS": "wide"]) == 80)
      #expect(TerminalSize.columns(fd: fd, environment: ["COLUMNS": "0"]) == 80)
    }
  }

  @Test func neverBelowTwenty() {
    withPipe { fd in
      #expect(TerminalSize.columns(fd: fd, environment: ["COLUMNS": "7"]) == 20)
    }
  }
}
