import Terminal

/// The course at a glance: the greeting of a bare `cachelings`, `list` and `progress`.
public struct Overview {
  let content: CourseContent
  let progress: CourseProgress
  let console: Console
  let now: Double
  /// How the learner runs the course: "cachelings", or "swift run cachelings" from a checkout.
  let program: String

  public init(
    content: CourseContent, progress: CourseProgress, console: Console, now: Double,
    program: String = "cachelings"
  ) {
    self.content = content
    self.progress = progress
    self.console = console
    self.now = now
    self.program = program
  }

  private var symbols: Symbols { Symbols(console.theme) }

  /// The next thing to do and the command that does it: a quiz left half-way, then questions due for
  /// review, then a quiz taken and not passed, then what comes next in the course.
  public func nextStep() -> (text: String, command: String) {
    for entry in content.lessons {
      guard let quiz = entry.quiz, let open = progress.openQuizzes[entry.lesson.id] else { continue }
      return (
        "Finish the quiz of lesson \(entry.lesson.number), \(entry.lesson.title) "
          + "(\(open.answers.count) of \(quiz.questions.count) answered)",
        "\(program) quiz \(entry.lesson.number)"
      )
    }
    let due = progress.cards.values.filter { $0.isDue(at: now) }.count
    if due > 0 {
      return (
        "Review \(due) question\(due == 1 ? "" : "s") that \(due == 1 ? "is" : "are") due",
        "\(program) review"
      )
    }
    for entry in content.lessons where entry.quiz != nil {
      guard let best = progress.bestAttempt(entry.lesson.id), !best.passed else { continue }
      return (
        "Take the quiz of lesson \(entry.lesson.number) again (best \(BlockView.number(best.score.percent))%, "
          + "pass mark \(BlockView.number(GradedAttempt.passMark))%)",
        "\(program) quiz \(entry.lesson.number)"
      )
    }
    for entry in content.lessons where progress.lessons[entry.lesson.id]?.completed != true {
      let started = (progress.lessons[entry.lesson.id]?.page ?? 0) > 0
      return (
        "\(started ? "Continue" : "Read") lesson \(entry.lesson.number), \(entry.lesson.title)",
        "\(program) learn \(entry.lesson.number)"
      )
    }
    for entry in content.lessons
    where entry.quiz != nil && progress.bestAttempt(entry.lesson.id)?.passed != true {
      return (
        "Take the quiz of lesson \(entry.lesson.number), \(entry.lesson.title)",
        "\(program) quiz \(entry.lesson.number)"
      )
    }
    for exercise in content.exercises where progress.exercises[exercise.id]?.passed != true {
      let started = (progress.exercises[exercise.id]?.checks ?? 0) > 0
      return (
        "\(started ? "Keep working on" : "Solve") exercise \(exercise.number), \(exercise.title)",
        "\(program) check \(exercise.number)"
      )
    }
    return (
      "You are up to date: every lesson read, every quiz and exercise passed. Practise with",
      "\(program) review --cram"
    )
  }

  /// What a bare `cachelings` prints: a welcome for a new learner, otherwise where they are.
  public func greeting() -> [String] {
    let next = nextStep()
    let command = console.paint(next.command, [.bold, .cyan])
    if progress.lessons.isEmpty && progress.attempts.isEmpty && progress.exercises.isEmpty
      && progress.openQuizzes.isEmpty
    {
      return [
        console.paint("Welcome to cachelings!", [.bold, .cyan]), "",
      ]
        + wrap(
          "You will learn caching the way Django's cache framework defines it: short lessons in this terminal, "
            + "quizzes that are graded as you go, questions that come back for review until they stick, and "
            + "exercises in Swift graded on four real cache backends. There are \(content.lessons.count) lessons "
            + "and \(content.exercises.count) exercises so far.", width: console.width)
        + [
          "", "Start with lesson 1:", "", "  " + command, "",
        ]
        + console.fit(
          console.inline("`\(program) list` shows everything; `\(program) --help` lists the commands.", .dim))
    }
    var lines = [console.paint("Welcome back.", [.bold, .cyan]), ""]
    if let current = progress.currentLesson, let entry = content.lesson(named: current) {
      let state = progress.lessons[current]
      let place =
        state?.completed == true
        ? "finished" : "on screen \((state?.page ?? 0) + 1) of \(max(1, state?.pages ?? 1))"
      lines += wrap(
        "Last time you were in lesson \(entry.lesson.number), \(entry.lesson.title) (\(place)).",
        width: console.width)
      lines.append("")
    }
    lines += wrap("Next: \(next.text).", width: console.width) + ["", "  " + command]
    return lines
  }

  /// Every lesson and quiz with its status, and the exercises: at the terminal's width, wrapped between
  /// words under the title's indent; whole lines into a pipe. withNext ends it with the next command
  /// (not inside watch, whose keys say what comes next).
  public func list(withNext: Bool = true) -> [String] {
    let indent = "      "
    var lines = [console.paint("Lessons", .bold)]
    for entry in content.lessons {
      let lesson = entry.lesson
      let number = lesson.number < 10 ? "0\(lesson.number)" : "\(lesson.number)"
      lines += listEntry(
        number, "\(lesson.title) \(console.paint("(\(lesson.id), \(lesson.minutes) min)", .dim))", status: nil
      )
      lines += console.fit(
        "\(indent)lesson: \(lessonStatus(lesson))   quiz: \(quizStatus(entry))", indent: indent)
      let practised = content.exercises.filter { $0.lesson == lesson.id }.map { exercise in
        exercise.number < 10 ? "0\(exercise.number)" : "\(exercise.number)"
      }
      if !practised.isEmpty {
        lines += console.fit(
          console.paint("\(indent)exercises: " + practised.joined(separator: ", "), .dim), indent: indent)
      }
    }
    lines += ["", console.paint("Exercises", .bold)]
    if content.exercises.isEmpty { lines.append(console.paint("  none yet", .dim)) }
    for exercise in content.exercises {
      let number = exercise.number < 10 ? "0\(exercise.number)" : "\(exercise.number)"
      lines += listEntry(
        number, "\(exercise.title) \(console.paint("(\(exercise.id))", .dim))",
        status: exerciseStatus(exercise))
    }
    if withNext { lines += [""] + console.fit(console.paint("Next: \(nextStep().command)", .dim)) }
    return lines
  }

  /// A numbered entry of the list: on one line when it fits (or into a pipe), else its text wrapped
  /// under its title and its status on a line of its own.
  private func listEntry(_ number: String, _ text: String, status: String?) -> [String] {
    let prefix = "  " + console.paint(number, .bold) + "  "
    let whole = prefix + text + (status.map { "  " + $0 } ?? "")
    guard console.followsWidth, DisplayWidth.of(whole) > console.width else { return [whole] }
    let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
    return wrap(text, width: console.width, firstIndent: prefix, indent: indent)
      + (status.map { [indent + $0] } ?? [])
  }

  /// `cachelings progress`: lessons read, quizzes passed, review state.
  public func summary() -> [String] {
    let read = content.lessons.filter { progress.lessons[$0.lesson.id]?.completed == true }.count
    let quizzes = content.lessons.filter { $0.quiz != nil }
    let passed = quizzes.filter { progress.bestAttempt($0.lesson.id)?.passed == true }.count
    let due = progress.cards.values.filter { $0.isDue(at: now) }.count
    let attempts = progress.attempts.values.map(\.count).reduce(0, +)
    let hints = progress.hints.values.reduce(0, +)
    var lines = [console.paint("Your progress", .bold), ""]
    lines += Chart.bars(
      [("lessons read", Double(read)), ("quizzes passed", Double(passed))], width: min(console.width, 60),
      theme: console.theme, format: { "\(Int($0)) of \(content.lessons.count)" })
    let solved = content.exercises.filter { progress.exercises[$0.id]?.passed == true }.count
    lines += [
      "", "  exercises passed: \(solved) of \(content.exercises.count)",
      "  quiz attempts: \(attempts), hints taken: \(hints)",
      "  review: \(progress.cards.count) question\(progress.cards.count == 1 ? "" : "s") seen, \(due) due now",
    ]
    let history = content.lessons.compactMap { entry -> String? in
      guard let attempts = progress.attempts[entry.lesson.id], !attempts.isEmpty else { return nil }
      let scores = attempts.map(\.score.percent)
      let trend = scores.count > 1 ? "  " + Chart.sparkline(scores, theme: console.theme) : ""
      return
        "  lesson \(entry.lesson.number) quiz: \(scores.map { BlockView.number($0) + "%" }.joined(separator: ", "))\(trend)"
    }
    if !history.isEmpty { lines += ["", console.paint("Quiz scores, oldest first", .bold)] + history }
    lines += ["", "Next: \(nextStep().text): \(console.paint(nextStep().command, .bold))"]
    return lines
  }

  private func lessonStatus(_ lesson: Lesson) -> String {
    guard let state = progress.lessons[lesson.id] else { return console.paint("not started", .dim) }
    if state.completed { return console.paint("\(symbols.right) read", .green) }
    return console.paint("reading, screen \(state.page + 1) of \(max(state.pages, 1))", .yellow)
  }

  private func exerciseStatus(_ exercise: Exercise) -> String {
    guard let state = progress.exercises[exercise.id], state.checks > 0 else {
      return console.paint("not started", .dim)
    }
    if state.passed { return console.paint("\(symbols.right) passed", .green) }
    return console.paint("in progress, \(state.checks) check\(state.checks == 1 ? "" : "s") run", .yellow)
  }

  private func quizStatus(_ entry: CourseContent.Entry) -> String {
    guard let quiz = entry.quiz else { return console.paint("none", .dim) }
    guard let best = progress.bestAttempt(entry.lesson.id) else {
      return console.paint("not taken (\(quiz.questions.count) questions)", .dim)
    }
    let score = BlockView.number(best.score.percent) + "%"
    return best.passed
      ? console.paint("\(symbols.right) passed, best \(score)", .green)
      : console.paint("best \(score), not passed yet", .yellow)
  }
}
