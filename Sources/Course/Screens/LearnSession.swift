import Terminal

/// Reading a lesson: one screen per page on a terminal, with predict and myth blocks waiting for the
/// learner's answer before their reveal; the whole text, reveals included, when output is not a terminal.
public struct LearnSession {
  /// How a reading ended.
  public enum Outcome: Equatable, Sendable {
    /// The learner read to the end.
    case finished
    /// The learner read to the end and asked for the quiz.
    case quiz
    /// The learner read to the end and asked for the lesson's exercise.
    case exercise
    /// The learner left early; the page is remembered.
    case quit
  }

  let lesson: Lesson
  let console: Console
  /// Whether an exercise practises this lesson, so the end can offer it.
  let hasExercise: Bool

  public init(lesson: Lesson, console: Console, hasExercise: Bool = false) {
    self.lesson = lesson
    self.console = console
    self.hasExercise = hasExercise
  }

  private var view: BlockView { BlockView(console: console) }

  /// Prints the whole lesson at once, reveals included: what `learn` prints into a pipe.
  public func printWhole() {
    console.print(header(page: nil))
    for (index, page) in lesson.pages.enumerated() {
      if index > 0 { console.print() }
      for part in page.parts {
        console.print(lines(part, answer: nil, reveal: true))
        console.print()
      }
    }
  }

  /// Shows the lesson a screen at a time from state.page, updating state as the learner moves.
  public func run(state: inout CourseProgress.LessonState) -> Outcome {
    state.pages = lesson.pages.count
    var page = min(max(0, state.page), lesson.pages.count - 1)
    while true {
      state.page = page
      let pager = ScreenPager(console: console)
      pager.start(header(page: page))
      for (index, part) in lesson.pages[page].parts.enumerated() {
        let key = "\(page).\(index)"
        switch part {
        case .predict(let predict):
          guard pager.show(view.predictQuestion(predict)) else { return .quit }
          if state.answers[key] == nil {
            let choices = predict.options.indices.map(Letters.letter).joined(separator: "/")
            guard pager.show(console.keyHelp(["your prediction: \(choices)", "q quit"])),
              let chosen = readChoice(count: predict.options.count)
            else { return .quit }
            state.answers[key] = chosen == predict.answer
          }
          guard pager.show(view.predictReveal(predict, correct: state.answers[key]), keepTogether: false)
          else {
            return .quit
          }
        case .myth(let myth):
          guard pager.show(view.mythQuestion(myth)) else { return .quit }
          if state.answers[key] == nil {
            guard pager.show(console.keyHelp(["t true", "f false (a myth)", "q quit"])),
              let answer = readTrueFalse()
            else { return .quit }
            state.answers[key] = answer == myth.isTrue
          }
          guard pager.show(view.mythReveal(myth, correct: state.answers[key]), keepTogether: false) else {
            return .quit
          }
        default:
          guard pager.show(lines(part, answer: nil, reveal: true)) else { return .quit }
        }
        guard pager.show("") else { return .quit }
      }
      let isLast = page == lesson.pages.count - 1
      var footer: [String]
      if isLast {
        state.completed = true
        let exercise = hasExercise ? ["x start its exercise"] : []
        footer = [
          console.paint("You reached the end of lesson \(lesson.number).", .bold),
          console.keyHelp(["t take the quiz now"] + exercise + ["b back", "q or enter finish"]),
        ]
      } else {
        footer = [console.keyHelp(["n or enter next", "b back", "q quit (your place is kept)"])]
      }
      guard pager.show(footer) else { return isLast ? .finished : .quit }
      let next: Int? = console.waitFor { key -> Int? in
        switch key {
        case .character("n"), .character(" "), .enter, .right, .pageDown: return isLast ? 2 : 1
        case .character("b"), .left, .pageUp: return -1
        case .character("q"), .escape, .interrupt, .endOfInput: return 0
        case .character("t") where isLast: return 3
        case .character("x") where isLast && hasExercise: return 4
        default: return nil
        }
      }
      switch next ?? 0 {
      case 1: page += 1
      case -1: page = max(0, page - 1)
      case 2: return .finished
      case 3: return .quiz
      case 4: return .exercise
      default: return isLast ? .finished : .quit
      }
    }
  }

  private func header(page: Int?) -> [String] {
    var title = console.paint("Lesson \(lesson.number): \(lesson.title)", [.bold, .cyan])
    let dot = Symbols(console.theme).dot
    if let page {
      title += console.paint("  \(dot) screen \(page + 1) of \(lesson.pages.count)", .dim)
    } else {
      title += console.paint("  \(dot) about \(lesson.minutes) minutes", .dim)
    }
    // A title wider than the terminal is wrapped here: left to the terminal it breaks mid-word, and the
    // row it adds is one the pager did not count.
    let titleLines = console.fit(title)
    guard page == nil || page == 0 else { return titleLines + [""] }
    let bullet = Symbols(console.theme).bullet
    return titleLines + ["", console.paint("You will be able to:", .bold)]
      + lesson.objectives.flatMap { wrap("\(bullet) " + $0, width: console.width, indent: "  ") } + [""]
  }

  private func lines(_ part: LessonPart, answer: Bool?, reveal: Bool) -> [String] {
    switch part {
    case .markdown(let text): return console.markdown(text)
    case .predict(let predict):
      return view.predictQuestion(predict) + view.predictReveal(predict, correct: answer)
    case .myth(let myth): return view.mythQuestion(myth) + view.mythReveal(myth, correct: answer)
    case .pitfall(let pitfall): return view.pitfall(pitfall)
    case .lab(let lab): return view.lab(lab)
    case .model(let model): return view.model(model)
    case .takeaways(let takeaways): return view.takeaways(takeaways)
    }
  }

  private func readChoice(count: Int) -> Int? {
    console.waitFor { key -> Int?? in
      switch key {
      case .character(let character):
        if character == "q" { return .some(nil) }
        if let index = Letters.index(character), index < count { return index }
        return nil
      case .interrupt, .endOfInput, .escape: return .some(nil)
      default: return nil
      }
    } ?? nil
  }

  private func readTrueFalse() -> Bool? {
    console.waitFor { key -> Bool?? in
      switch key {
      case .character("t"), .character("y"): return true
      case .character("f"), .character("n"): return false
      case .character("q"), .interrupt, .endOfInput, .escape: return .some(nil)
      default: return nil
      }
    } ?? nil
  }
}
