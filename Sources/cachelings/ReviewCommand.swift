import Arguments
import Course
import Foundation

/// `cachelings review [--cram]`.
enum ReviewCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    let setup = CourseSetup(noColor: arguments.flag("no-color"))
    let content = setup.loadContent()
    var progress = setup.loadProgress()
    let cram = arguments.flag("cram")
    let now = Date().timeIntervalSince1970
    let review = ReviewSession(content: content, console: setup.printer())
    let items = review.items(progress: progress, now: now, cram: cram)
    guard !items.isEmpty else {
      let next = Overview(
        content: content, progress: progress, console: setup.printer(), now: now, program: CourseSetup.program
      ).nextStep()
      Output.write(
        "Nothing to review right now: questions arrive here when you miss them or when they fall due.\n"
          + "Next: \(next.text): \(next.command)\n")
      return 0
    }
    let result = setup.withConsole { console in
      ReviewSession(content: content, console: console).run(
        items, progress: &progress, now: { Date().timeIntervalSince1970 }, seed: UInt64(now))
    }
    setup.save(progress)
    let console = setup.printer()
    console.print()
    if result.asked < items.count {
      let left = items.count - result.asked
      console.print(
        console.markdown(
          "Review stopped after \(result.asked) of \(items.count) (\(result.right) right). The other \(left) "
            + "\(left == 1 ? "stays" : "stay") due: `\(CourseSetup.program) review` asks "
            + "\(left == 1 ? "it" : "them") next time."))
    } else {
      console.print("Reviewed all \(items.count): \(result.right) right.")
    }
    let schedule = ReviewSession(content: content, console: console).schedule(
      items, asked: result.asked, progress: progress, now: Date().timeIntervalSince1970)
    if !schedule.isEmpty {
      console.print()
      console.print(schedule)
    }
    return 0
  }
}
