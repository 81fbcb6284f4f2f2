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
  /// Distinct failures explained; watch explains the first only, to keep its screen in view.
  let failureLimit: Int
  /// Whether checks that passed on every backend are counted on one line instead of listed: for a
  /// screen short of room, where the failing rows matter most.
  let collapsesPassingRows: Bool

  public init(console: Console, failureLimit: Int = 4, collapsesPassingRows: Bool = false) {
    self.console = console
    self.failureLimit = max(1, failureLimit)
    self.collapsesPassingRows = collapsesPassingRows
  }

  /// Prints the report under a headline that starts with title (none when title is empty).
  public func show(_ report: GradeReport, title: String) {
    let symbols = Symbols(console.theme)
    let style: Style = report.passed ? .green : .red
    let mark = report.passed ? symbols.right : symbols.wrong
    let headline =
      console.paint(title.isEmpty ? "\(mark) " : "\(mark) \(title): ", style.union(.bold))
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
    let nameWidth = min(max(report.checks.map(DisplayWidth.of).max() ?? 0, 10), max(16, room))
    var header = String(repeating: " ", count: nameWidth + 4)
    for (backend, width) in zip(backends, columns) { header += TextLayout.pad(backend.rawValue, to: width) }
    console.print(console.paint(header, .dim))
    var statuses: Set<GradeReport.Cell.Status> = []
    let passing = report.checks.filter { check in
      report.cells.allSatisfy { $0.check != check || $0.status == .passed }
    }
    for check in report.checks where !(collapsesPassingRows && passing.contains(check)) {
      // A long check name wraps inside its column, its marks on its first line.
      let names = wrap(check, width: nameWidth)
      var line = "  " + TextLayout.pad(names[0], to: nameWidth + 2)
      for (backend, width) in zip(backends, columns) {
        let cell = report.cells.first { $0.check == check && $0.backend == backend }
        statuses.insert(cell?.status ?? .notRun)
        line += TextLayout.pad(mark(cell?.status, symbols), to: width)
      }
      console.print(line)
      for name in names.dropFirst() { console.print("  " + name) }
    }
    if collapsesPassingRows && !passing.isEmpty {
      statuses.insert(.passed)
      let count = passing.count
      console.print(
        console.paint(
          "  \(symbols.right) and \(count) more check\(count == 1 ? "" : "s") passed everywhere", .dim))
    }
    console.print(legend(statuses, symbols))
  }

  /// What each mark in the matrix means, for the marks it shows.
  private func legend(_ statuses: Set<GradeReport.Cell.Status>, _ symbols: Symbols) -> [String] {
    var items = ["\(symbols.right) passed", "\(symbols.wrong) failed"]
    if statuses.contains(.skipped) {
      items.append("\(symbols.dot) skip: not graded on that backend (why below)")
    }
    if statuses.contains(.interrupted) { items.append("! stop: the run stopped during this check") }
    if statuses.contains(.notRun) { items.append("\(symbols.dot) -: not run, the run ended before it") }
    var legend = console
    legend.width = console.width - 2
    return legend.keyHelp(items).split(separator: "\n").map { "  " + $0 }
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
        $0.cell.check == cell.check && $0.cell.details.message == cell.details.message
      }) {
        shown[index].backends.append(cell.backend.rawValue)
      } else {
        shown.append((cell, [cell.backend.rawValue]))
      }
    }
    for (cell, backends) in shown.prefix(failureLimit) {
      console.print()
      // The backends first: a check's name may itself name backends ("…, not on memory").
      let heading =
        console.paint("\(symbols.wrong) ", .bold)
        + console.paint(
          (backends.count > 1 && backends.count == report.backends.count ? "every backend" : list(backends))
            + ": ",
          .dim)
        + console.paint(cell.check, .bold)
      console.print(wrap(heading, width: console.width, indent: "  "))
      if let expected = cell.details.expected, let got = cell.details.got {
        console.print(console.markdown("  expected: " + expected))
        console.print(console.markdown("  got:      " + got))
        if let why = cell.details.why, !why.isEmpty { console.print(console.markdown("  " + why)) }
      } else if let message = cell.details.message {
        console.print(console.markdown("  " + message))
      }
    }
    if shown.count > failureLimit {
      console.print()
      let more = shown.count - failureLimit
      let first = failureLimit == 1 ? "this one" : "these"
      console.print(
        wrap(
          console.paint(
            "\(ellipsis) and \(more) more failure\(more == 1 ? "" : "s"); fix \(first) first.", .dim),
          width: console.width))
    }
    for cell in report.cells where cell.status == .skipped {
      let text = "skipped \"\(cell.check)\" on \(cell.backend.rawValue): \(cell.details.message ?? "")"
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
        console.print(wrap(console.paint(text, .red), width: console.width, indent: "  "))
      } else if text.contains(": warning:") || text.contains(": note:") {
        console.print(wrap(console.paint(text, .yellow), width: console.width, indent: "  "))
      } else {
        // Source and caret lines keep their columns: cut at the edge, never wrapped, so a caret stays
        // under what it points at.
        console.print(TextLayout.truncate(text, to: console.width, ellipsis: ellipsis))
      }
    }
    if lines.count > diagnosticLines {
      console.print(
        console.paint("\(ellipsis) \(lines.count - diagnosticLines) more lines from the compiler", .dim))
    }
  }
}
