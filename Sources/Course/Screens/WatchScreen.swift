import Grader
import Terminal

/// The one screen `watch` keeps redrawn in place: the exercise, a bar of the course's exercises passed,
/// the grade matrix with the first failure explained, what to do next, and the keys on one line. Cut to
/// the terminal's height so the keys stay in view; `f` shows the whole report.
public struct WatchScreen {
  let console: Console

  public init(console: Console) {
    self.console = console
  }

  /// The keys watch answers, as the key line shows them.
  public static let keys = [
    "h hint", "t task", "f full report", "n next exercise", "l list", "ctrl-l redraw", "q or esc quit",
  ]

  /// What the screen shows about the course and the exercise.
  public struct Place {
    public var exercise: Exercise
    /// The exercise's place among the course's exercises, from 1.
    public var position: Int
    public var exercises: Int
    public var passed: Int
  }

  /// The screen's lines for a report (nil while none could be made), with next (Markdown) under it.
  public func lines(_ report: GradeReport?, place: Place, next: String) -> [String] {
    let symbols = Symbols(console.theme)
    let title =
      console.paint("Exercise \(place.exercise.number): \(place.exercise.title)", [.bold, .cyan])
      + console.paint("  \(symbols.dot) \(place.position) of \(place.exercises)", .dim)
    let top =
      wrap(title, width: console.width) + ["  " + progressBar(passed: place.passed, of: place.exercises), ""]
    let bottom =
      [""] + console.markdown(next) + [""]
      + console.keyHelp(Self.keys).split(separator: "\n").map(String.init)
    let room = console.height.map { $0 - 1 - top.count - bottom.count }
    var body: [String] = []
    if let report {
      body = rendered(report, collapsed: false)
      if let room, body.count > room { body = rendered(report, collapsed: true) }
    }
    return top + fit(body, room: room) + bottom
  }

  /// The report as GradeView prints it, with the first failure explained.
  private func rendered(_ report: GradeReport, collapsed: Bool) -> [String] {
    let buffer = TextBuffer()
    var capture = console
    capture.write = { buffer.text += $0 }
    GradeView(console: capture, failureLimit: 1, collapsesPassingRows: collapsed).show(report, title: "")
    return buffer.lines
  }

  /// The course's exercises passed as a bar: "██████░░░░░░ 3 of 12 exercises passed".
  func progressBar(passed: Int, of total: Int) -> String {
    let label = " \(passed) of \(total) exercises passed"
    let width = max(4, min(30, console.width - 2 - label.count))
    let filled = total == 0 ? 0 : Int((Double(passed) / Double(total) * Double(width)).rounded())
    let (full, empty) = console.theme.unicode ? ("█", "░") : ("#", "-")
    return console.paint(String(repeating: full, count: filled), .green)
      + console.paint(String(repeating: empty, count: width - filled), .dim) + console.paint(label, .dim)
  }

  /// The body cut to room lines, saying how much more `f` shows.
  private func fit(_ body: [String], room: Int?) -> [String] {
    guard let room, body.count > room, room >= 3 else { return body }
    let ellipsis = TextLayout.ellipsis(console.theme)
    let note = console.paint("\(ellipsis) \(body.count - room + 1) more lines: f shows the full report", .dim)
    return Array(body.prefix(room - 1)) + [note]
  }
}

extension WatchScreen.Place {
  /// The exercise's place among the course's exercises, with how many of them progress records as passed.
  public init(_ exercise: Exercise, in content: CourseContent, progress: CourseProgress) {
    self.init(
      exercise: exercise, position: (content.exercises.firstIndex { $0.id == exercise.id } ?? 0) + 1,
      exercises: content.exercises.count,
      passed: content.exercises.filter { progress.exercises[$0.id]?.passed == true }.count)
  }
}

/// Text written by a screen into memory, to be measured before it is shown.
final class TextBuffer {
  var text = ""

  var lines: [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
