import ExerciseKit
import Terminal

/// A grading report for the terminal: a headline, the checks x backends matrix, each distinct failure
/// explained once, and what the program printed.
public struct GradeView {
  let console: Console
  /// Lines of program output shown before the rest is summarised.
  var outputLines = 20
  /// Lines of compiler diagnostics shown.
  var diagnosticLines = 60

  public init(console: Console) {
    self.console = console
  }

  public func show(_ report: GradeReport, title: String) {
    let symbols = Symbols(console.theme)
    let style: Style = report.passed ? .green : .red
    let mark = report.passed ? symbols.right : symbols.wrong
    let headline =
      console.paint("\(mark) \(title): ", style.union(.bold))
      + console.paint(Self.headline(report.verdict, interrupted: report.interrupted), style)
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

  /// One line on what happened overall.
  public static func headline(_ verdict: GradeReport.Verdict, interrupted: GradeReport.Cell?) -> String {
    let during = interrupted.map { " during \"\($0.check)\" on \($0.backend.rawValue)" } ?? ""
    switch verdict {
    case .passed: return "every check passes"
    case .failed: return "some checks fail"
    case .compileError: return "your code does not compile"
    case .timedOut(let seconds): return "stopped after \(Self.seconds(seconds))\(during): it ran out of time"
    case .crashed(let signal): return "crashed with \(signal)\(during)"
    case .killedForMemory(let megabytes):
      return "stopped at \(megabytes) MB\(during): it used too much memory"
    case .exitedEarly(let status):
      return "the program exited (status \(status))\(during) before its checks finished"
    }
  }

  static func timing(_ report: GradeReport) -> String {
    let compile = report.cachedProgram ? "compiled before" : "compile \(seconds(report.compileSeconds))"
    return
      "\(seconds(report.compileSeconds + report.runSeconds)): \(compile), run \(seconds(report.runSeconds))"
  }

  static func seconds(_ value: Double) -> String {
    value < 10 ? String(format2: value) + " s" : "\(Int(value.rounded())) s"
  }

  private func matrix(_ report: GradeReport, _ symbols: Symbols) {
    let backends = report.backends
    let columns = backends.map { $0.rawValue.count + 2 }
    let room = console.width - 4 - columns.reduce(0, +)
    let nameWidth = min(max(report.checks.map(DisplayWidth.of).max() ?? 0, 10), max(20, room))
    var header = String(repeating: " ", count: nameWidth + 4)
    for backend in backends { header += backend.rawValue + "  " }
    console.print(console.paint(header, .dim))
    for check in report.checks {
      var line = "  " + truncate(check, to: nameWidth).padding(nameWidth + 2)
      for (backend, width) in zip(backends, columns) {
        let cell = report.cells.first { $0.check == check && $0.backend == backend }
        line += mark(cell?.status, symbols).padding(
          width, visible: 1 + (cell.map { label($0.status).count } ?? 0))
      }
      console.print(line)
    }
  }

  private func label(_ status: GradeReport.Cell.Status?) -> String {
    switch status {
    case .passed, .failed, .none: return ""
    case .skipped: return " skip"
    case .interrupted: return " stop"
    case .notRun: return " -"
    }
  }

  private func mark(_ status: GradeReport.Cell.Status?, _ symbols: Symbols) -> String {
    switch status {
    case .passed: return console.paint(symbols.right, .green)
    case .failed: return console.paint(symbols.wrong, .red)
    case .skipped: return console.paint(symbols.dot + label(.skipped), .dim)
    case .interrupted: return console.paint("!" + label(.interrupted), .red)
    case .notRun, .none: return console.paint(symbols.dot + label(.notRun), .dim)
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
      console.print(console.paint("… and \(shown.count - 4) more; fix these first.", .dim))
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
    for line in lines.prefix(outputLines) { console.print(console.paint("  │ ", .dim) + String(line)) }
    var hidden: [String] = []
    if lines.count > outputLines { hidden.append("\(lines.count - outputLines) more lines") }
    if report.droppedOutputBytes > 0 { hidden.append("\(report.droppedOutputBytes) more bytes not kept") }
    if !hidden.isEmpty { console.print(console.paint("  … " + hidden.joined(separator: ", "), .dim)) }
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
      console.print(console.paint("… \(lines.count - diagnosticLines) more lines from the compiler", .dim))
    }
  }

  private func truncate(_ text: String, to width: Int) -> String {
    DisplayWidth.of(text) <= width ? text : String(text.prefix(width - 1)) + "…"
  }
}

extension String {
  init(format2 value: Double) {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    self = "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
  }

  /// Pads with spaces to width columns; visible is the text's width when it holds ANSI codes.
  func padding(_ width: Int, visible: Int? = nil) -> String {
    let used = visible ?? DisplayWidth.of(self)
    return used >= width ? self + " " : self + String(repeating: " ", count: width - used)
  }
}
