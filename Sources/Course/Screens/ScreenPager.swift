import Terminal

/// Prints a screen's blocks so that nothing scrolls away unread: when the next block does not fit
/// below what is shown, it waits for a key, clears, and goes on at the top under the screen's title. A
/// block taller than the terminal is shown a terminal-full at a time. Without a height (a pipe, or a
/// console that reads no keys) it prints straight through.
final class ScreenPager {
  let console: Console
  /// The line repeated at the top of every following screen.
  private var title: String = ""
  private var used = 0
  /// The rows the header (or the repeated title) takes: a block never pages to leave them alone.
  private var headerRows = 0

  init(console: Console) {
    self.console = console
  }

  /// Rows for text, keeping the last row for the line that says which key goes on.
  private var capacity: Int? {
    guard console.isInteractive, let height = console.height else { return nil }
    return max(4, height - 1)
  }

  /// Clears the screen and prints the header, whose first line titles the screens that follow.
  func start(_ header: [String]) {
    console.clearScreen()
    title = header.first ?? ""
    used = 0
    console.print(header)
    used = header.count
    headerRows = used
  }

  /// Prints a block; false when the learner quits at a "more" prompt. A block kept together starts on
  /// a fresh screen when it does not fit below what is shown; feedback (keepTogether false) starts at
  /// once, right under the answer it follows, and goes on after "more".
  func show(_ block: [String], keepTogether: Bool = true) -> Bool {
    let block = block.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    guard let capacity else {
      console.print(block)
      return true
    }
    if keepTogether && used + block.count > capacity && block.count <= capacity - 2 && used > headerRows {
      guard more() else { return false }
    }
    for line in block {
      if used >= capacity {
        guard more() else { return false }
      }
      console.print(line)
      used += 1
    }
    return true
  }

  /// Prints a single line, such as key help, paging first when the screen is full.
  func show(_ line: String) -> Bool { show([line]) }

  /// Waits for a key with the feedback above still in view; then a fresh screen. False on quit.
  func more() -> Bool {
    console.write(console.keyHelp(["space or enter more", "q quit"]))
    let go = console.waitFor { key -> Bool? in
      switch key {
      case .character(" "), .enter, .character("n"), .down, .pageDown, .right: return true
      case .character("q"), .escape, .interrupt, .endOfInput: return false
      default: return nil
      }
    }
    guard go == true else {
      console.print()
      return false
    }
    console.clearScreen()
    console.print(title)
    console.print()
    used = 2
    headerRows = 2
    return true
  }
}
