import GradeProtocol
import Grader
import Terminal

/// A grading report for the terminal: a headline, the checks x backends matrix, each distinct failure
/// explained once, and what the program printed.
public struct GradeView {
  let console: Console
  /// Lines of program output shown before the rest is summarised.
  let outputLines = 20
  /// Lines of compiler diagnostics shown.
  let diagnosticLines = 60

  public init(console: Console) {
    self.console = console
  }

  public func show(_ report: GradeReport, title: String) {
    let symbols = Symbols(console.theme)
    let style: Style = report.passed ? .green : .red
    let mark = report.passed ? symbols.right : symbols.wrong
    let headline =
      console.paint("\(mark) \(title): ", style.union(.bold))
      + console.paint(report.headline, style)
      + console.paint("  (\(Self.timing(report)))", .dim)
    console.print(wrap(headline, width: console.width))
    if case .compileError(let diagnostics) = report.verdict {
      showDiagnostics(diagnostics)
      return
    }
    if !report.cells.isEmpty {
      console.print()
      matrix(report, symbols)
    }
    explainStop(report)
    failures(report, symbols)
    output(report)
  }

  static func timing(_ report: GradeReport) -> String {
    let compile =
      report.cachedProgram ? "compiled before" : "compile \(GradeReport.seconds(report.compileSeconds))"
    return
      "\(GradeReport.seconds(report.compileSeconds + report.runSeconds)): \(compile), run \(GradeReport.seconds(report.runSeconds))"
  }

  private var ellipsis: String { TextLayout.ellipsis(console.theme) }

  private func matrix(_ report: GradeReport, _ symbols: Symbols) {
    let backends = report.backends
    // Wide enough for the backend's name and for the widest mark, "· skip".
    let columns = backends.map { max($0.rawValue.count, 6) + 2 }
    let room = console.width - 4 - columns.reduce(0, +)
    let nameWidth = min(max(report.checks.map(DisplayWidth.of).max() ?? 0, 10), max(20, room))
    var header = String(repeating: " ", count: nameWidth + 4)
    for (backend, width) in zip(backends, columns) { header += TextLayout.pad(backend.rawValue, to: width) }
    console.print(console.paint(header, .dim))
    for check in report.checks {
      var line =
        "  "
        + TextLayout.pad(TextLayout.truncate(check, to: nameWidth, ellipsis: ellipsis), to: nameWidth + 2)
      for (backend, width) in zip(backends, columns) {
        let cell = report.cells.first { $0.check == check && $0.backend == backend }
        line += TextLayout.pad(mark(cell?.status, symbols), to: width)
      }
      console.print(line)
    }
  }

  private func mark(_ status: GradeReport.Cell.Status?, _ symbols: Symbols) -> String {
    switch status {
    case .passed: return console.paint(symbols.right, .green)
    case .failed: return console.paint(symbols.wrong, .red)
    case .skipped: return console.paint(symbols.dot + " skip", .dim)
    case .interrupted: return console.paint("! stop", .red)
    case .notRun, .none: return console.paint(symbols.dot + " -", .dim)
    }
  }

  private func explainStop(_ report: GradeReport) {
    let advice: String
    switch report.verdict {
    case .timedOut:
      advice =
        "A loop that never ends, or a wait on something that never comes? Look at the loops on the path of this check."
    case .crashed(let signal): advice = "\(signal) means \(SignalName.meaning(signal))."
    case .killedForMemory:
      advice =
        "Something keeps growing without bound: a collection appended to in a loop, or a cache with no limit."
    case .exitedEarly:
      advice = "Does your code call exit()? A cache function should return to its caller instead."
    case .changedCourseFiles:
      advice =
        "They were put back as the course ships them, and this grade does not count. A solution reads and "
        + "writes its cache; it never needs to touch the exercise's files."
    case .nothingPassed:
      advice =
        "A pass needs checks that passed. Every check was skipped, so nothing about your code was graded: "
        + "does your code throw `CheckSkipped`, or were the servers the checks need missing?"
    case .lostResultChannel:
      advice =
        "Descriptor 3 belongs to the grader: leave it open, and do not dup2 or close descriptors your code did "
        + "not open."
    default: return
    }
    console.print()
    console.print(console.markdown(advice))
  }

  private func failures(_ report: GradeReport, _ symbols: Symbols) {
    var shown: [(cell: GradeReport.Cell, backends: [String])] = []
    for cell in report.failures {
      if let index = shown.firstIndex(where: {
        $0.cell.check == cell.check && $0.cell.message == cell.message
      }) {
        shown[index].backends.append(cell.backend.rawValue)
      } else {
        shown.append((cell, [cell.backend.rawValue]))
      }
    }
    for (cell, backends) in shown.prefix(4) {
      console.print()
      let heading =
        console.paint("\(symbols.wrong) \(cell.check)", .bold) + console.paint(" on " + list(backends), .dim)
      console.print(wrap(heading, width: console.width))
      if let expected = cell.expected, let got = cell.got {
        console.print(console.markdown("  expected: " + expected))
        console.print(console.markdown("  got:      " + got))
        if let why = cell.why, !why.isEmpty { console.print(console.markdown("  " + why)) }
      } else if let message = cell.message {
        console.print(console.markdown("  " + message))
      }
    }
    if shown.count > 4 {
      console.print()
      console.print(console.paint("\(ellipsis) and \(shown.count - 4) more; fix these first.", .dim))
    }
    for cell in report.cells where cell.status == .skipped {
      let text = "skipped \"\(cell.check)\" on \(cell.backend.rawValue): \(cell.message ?? "")"
      console.print(wrap(console.paint(text, .dim), width: console.width, firstIndent: "  ", indent: "    "))
    }
  }

  private func list(_ items: [String]) -> String {
    items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
  }

  private func output(_ report: GradeReport) {
    guard !report.output.isEmpty else { return }
    let lines = report.output.split(separator: "\n", omittingEmptySubsequences: false)
    console.print()
    console.print(console.paint("Your program printed:", .dim))
    for line in lines.prefix(outputLines) {
      console.print(console.paint(console.theme.unicode ? "  │ " : "  | ", .dim) + String(line))
    }
    var hidden: [String] = []
    if lines.count > outputLines { hidden.append("\(lines.count - outputLines) more lines") }
    if report.droppedOutputBytes > 0 { hidden.append("\(report.droppedOutputBytes) more bytes not kept") }
    if !hidden.isEmpty {
      console.print(console.paint("  \(ellipsis) " + hidden.joined(separator: ", "), .dim))
    }
  }

  private func showDiagnostics(_ diagnostics: String) {
    console.print()
    let lines = diagnostics.split(separator: "\n", omittingEmptySubsequences: false)
    for line in lines.prefix(diagnosticLines) {
      let text = String(line)
      if text.contains(": error:") {
        console.print(console.paint(text, .red))
      } else if text.contains(": warning:") || text.contains(": note:") {
        console.print(console.paint(text, .yellow))
      } else {
        console.print(text)
      }
    }
    if lines.count > diagnosticLines {
      console.print(
        console.paint("\(ellipsis) \(lines.count - diagnosticLines) more lines from the compiler", .dim))
    }
  }
}
