import Terminal

/// Asks one quiz question: prompt and options as shown in this attempt, a hint on request, then the
/// verdict with the worked solution and common mistakes. Shared by quizzes and review.
struct QuestionAsker {
  enum Reply: Equatable {
    /// The chosen options by their index in the file, and whether the hint was shown first.
    case answered([Int], usedHint: Bool)
    case quit
  }

  let console: Console
  /// Keeps the question, the hint and the feedback within the terminal's height.
  let pager: ScreenPager

  init(console: Console) {
    self.console = console
    pager = ScreenPager(console: console)
  }

  private var symbols: Symbols { Symbols(console.theme) }

  /// Clears the screen and asks: the title, the prompt and the options as shown, then the answer.
  func ask(_ shown: QuizAttempt.Shown, title: String) -> Reply {
    let question = shown.question
    let kind = question.isMultipleAnswer ? "choose all that apply" : "choose one"
    pager.start(
      wrap(
        console.paint(title, [.bold, .cyan])
          + console.paint("  \(symbols.dot) \(question.difficulty.rawValue) \(symbols.dot) \(kind)", .dim),
        width: console.width) + [""])
    var lines = console.markdown(question.prompt) + [""]
    for (index, option) in shown.options.enumerated() {
      lines += wrap(
        console.paint(Letters.letter(index) + ")", .bold) + " " + console.inline(option),
        width: console.width,
        firstIndent: "  ", indent: "     ")
    }
    // The keys go right under the options they answer, on the same screen.
    lines.append(console.isInteractive ? keyHelp(question, shown) : "")
    guard pager.show(lines) else { return .quit }
    return console.isInteractive ? askByKeys(shown) : askByLines(shown)
  }

  private func keyHelp(_ question: Question, _ shown: QuizAttempt.Shown) -> String {
    let letters = shown.options.indices.map(Letters.letter).joined(separator: "/")
    let help = question.isMultipleAnswer ? ["\(letters) toggle", "enter submit"] : ["\(letters) answer"]
    return console.keyHelp(help + ["h hint", "q quit"])
  }

  private func showHint(_ question: Question) {
    _ = pager.show([console.paint("Hint", [.bold, .yellow])] + console.markdown(question.hint) + [""])
  }

  private func askByKeys(_ shown: QuizAttempt.Shown) -> Reply {
    let question = shown.question
    var usedHint = false
    var selected: [Int] = []
    while let key = console.readKey() {
      switch key {
      case .character("h") where !usedHint:
        usedHint = true
        _ = pager.show("")
        showHint(question)
      case .character("q"), .interrupt, .endOfInput, .escape:
        console.print()
        return .quit
      case .enter where question.isMultipleAnswer && !selected.isEmpty:
        _ = pager.show("")
        return .answered(shown.fileIndices(ofShown: selected), usedHint: usedHint)
      case .character(let character):
        guard let index = Letters.index(character), index < shown.options.count else { continue }
        if !question.isMultipleAnswer {
          return .answered(shown.fileIndices(ofShown: [index]), usedHint: usedHint)
        }
        if let found = selected.firstIndex(of: index) {
          selected.remove(at: found)
        } else {
          selected.append(index)
        }
        let chosen = selected.sorted().map(Letters.letter).joined(separator: " ")
        console.write("\r\u{1B}[2K  selected: \(chosen.isEmpty ? "none" : chosen)")
      default:
        continue
      }
    }
    return .quit
  }

  private func askByLines(_ shown: QuizAttempt.Shown) -> Reply {
    let question = shown.question
    var usedHint = false
    let example = question.isMultipleAnswer ? "letters joined by +, like A+C" : "a letter"
    while let line = console.ask("Your answer (\(example); h for a hint, q to quit): ") {
      let text = line.trimmed.uppercased()
      if text == "H" {
        usedHint = true
        showHint(question)
        continue
      }
      if text == "Q" { return .quit }
      let letters = text.split(whereSeparator: { $0 == "+" || $0 == "," || $0 == " " })
      let indices = letters.compactMap { $0.count == 1 ? Letters.index($0.first!) : nil }
      guard !indices.isEmpty, indices.count == letters.count,
        indices.allSatisfy({ $0 < shown.options.count }),
        question.isMultipleAnswer || indices.count == 1
      else {
        console.print("Please answer with \(example) from A to \(Letters.letter(shown.options.count - 1)).")
        continue
      }
      return .answered(shown.fileIndices(ofShown: Array(Set(indices))), usedHint: usedHint)
    }
    return .quit
  }

  /// Prints the verdict; after a wrong answer, the right one, the steps and the common mistakes. On a
  /// short terminal it stops when the screen is full, so nothing scrolls away unread.
  func feedback(_ shown: QuizAttempt.Shown, chosen: [Int]) {
    let question = shown.question
    let right = shown.rightPositions.map { "\(Letters.letter($0))) " + console.inline(shown.options[$0]) }
    var lines: [String]
    if Grading.isRight(chosen, for: question) {
      lines = [console.paint("\(symbols.right) Right.", [.green, .bold])] + console.markdown(question.steps)
    } else {
      lines = [console.paint("\(symbols.wrong) Not quite. The right answer:", [.red, .bold])]
      lines += right.flatMap { wrap($0, width: console.width, firstIndent: "  ", indent: "     ") }
      lines += ["", console.paint("How to get there", .bold)] + console.markdown(question.steps)
      lines += ["", console.paint("Common mistakes", .bold)] + console.markdown(question.mistakes)
    }
    _ = pager.show([""] + lines + [""], keepTogether: false)
  }

  /// Waits for a key before the next question, on a terminal.
  func pause(last: Bool) {
    guard console.isInteractive else { return }
    _ = pager.show(console.keyHelp([last ? "any key to see your score" : "any key for the next question"]))
    _ = console.readKey()
  }
}
