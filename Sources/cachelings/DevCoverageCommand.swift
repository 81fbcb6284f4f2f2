import Arguments
import Course
import Foundation
import Terminal

/// `cachelings dev coverage`: which lessons, questions and exercises cover each topic of Lessons/topics.md,
/// and which topics nothing covers yet; `--write` puts the table into Lessons/README.md.
enum DevCoverageCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    let setup = CourseSetup(noColor: arguments.flag("no-color"))
    let content = CourseContent.load(root: setup.root)
    guard content.topics != nil else {
      Output.error(
        "there is no \(setup.display(content.topicsFile)); it lists the topics the course must cover")
      return 1
    }
    let coverage = Coverage(content)
    if arguments.flag("write") { return write(coverage, setup: setup) }
    if arguments.flag("markdown") {
      print(coverage.markdown)
      return 0
    }
    let console = setup.printer()
    let rows = coverage.rows.map(\.cells)
    let headings = Coverage.headings
    let widths = headings.indices.map { column in
      ([headings[column]] + rows.map { $0[column] }).map(DisplayWidth.of).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      (zip(cells.dropLast(), widths).map { TextLayout.pad($0, to: $1) } + cells.suffix(1))
        .joined(separator: "  ")
    }
    console.print(console.paint(line(headings), .bold))
    for (row, cells) in zip(coverage.rows, rows) {
      console.print(row.isUncovered ? console.paint(line(cells), .dim) : line(cells))
    }
    let uncovered = coverage.uncovered
    console.print()
    if uncovered.isEmpty {
      console.print(console.paint("Every topic is covered.", [.green, .bold]))
    } else {
      console.print(
        wrap(
          console.paint("Not covered yet (\(uncovered.count) of \(coverage.rows.count)): ", .bold)
            + uncovered.joined(separator: ", "), width: console.width, indent: "  "))
    }
    return 0
  }

  static func write(_ coverage: Coverage, setup: CourseSetup) -> Int32 {
    let file = setup.root + "/Lessons/README.md"
    guard let data = FileManager.default.contents(atPath: file) else {
      Output.error("cannot read \(setup.display(file))")
      return 1
    }
    guard let updated = coverage.updating(readme: String(decoding: data, as: UTF8.self)) else {
      Output.error(
        "\(setup.display(file)) has no place for the table: add the lines\n  \(Coverage.begin)\n  \(Coverage.end)"
      )
      return 1
    }
    do {
      try Data(updated.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    } catch {
      Output.error("could not write \(setup.display(file)): \(error)")
      return 1
    }
    print("Wrote the coverage table of \(coverage.rows.count) topics into \(setup.display(file)).")
    return 0
  }
}
