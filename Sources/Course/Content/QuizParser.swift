/// Reads quiz.md: front matter naming the lesson, then one `## id` section per question.
public enum QuizParser {
  static let sections = ["hint", "steps", "mistakes"]
  /// The lines that may follow `difficulty:`: the topic the question tests, and the reason to leave it out
  /// of the length lint.
  static let fields = ["topic", "allow-longest"]

  /// Parses a quiz; every error names file and line.
  public static func parse(_ contents: String, file: String) throws(ContentError) -> Quiz {
    let source = SourceText(file: file, contents: contents)
    let (matter, body) = try FrontMatter.parse(source)
    if let unknown = matter.unknownKeys(allowed: ["lesson"]).first {
      throw source.error(unknown.line, "unknown front matter key '\(unknown.key)'; a quiz has only 'lesson:'")
    }
    let lesson = try matter.required("lesson", in: source).value

    var chunks: [(heading: SourceLine, lines: [SourceLine])] = []
    var fences = FenceTracker()
    for line in body {
      if !fences.isCode(line), line.text.hasPrefix("## ") {
        chunks.append((line, []))
      } else if chunks.isEmpty {
        if !line.isBlank {
          throw source.error(line.number, "text before the first question; questions start with '## id'")
        }
      } else {
        chunks[chunks.count - 1].lines.append(line)
      }
    }
    guard !chunks.isEmpty else {
      throw source.error(source.lines.count, "the quiz has no questions ('## id' sections)")
    }

    var questions: [Question] = []
    for chunk in chunks {
      let question = try parseQuestion(chunk.heading, chunk.lines, in: source)
      if let earlier = questions.first(where: { $0.id == question.id }) {
        throw source.error(question.line, "the id '\(question.id)' is already used on line \(earlier.line)")
      }
      questions.append(question)
    }
    return Quiz(lessonID: lesson, questions: questions)
  }

  private static func parseQuestion(
    _ heading: SourceLine, _ lines: [SourceLine], in source: SourceText
  )
    throws(ContentError) -> Question
  {
    let id = heading.text.dropFirst(3).trimmed
    guard Slug.isValid(id) else {
      throw source.error(
        heading.number, "the question id '\(id)' must be a slug: lowercase letters, digits and dashes")
    }
    var rest = lines[...]
    while rest.first?.isBlank == true { rest.removeFirst() }
    guard let first = rest.popFirst(), first.text.hasPrefix("difficulty:") else {
      throw source.error(
        heading.number + 1, "the line after '## \(id)' must be 'difficulty: easy', 'medium' or 'hard'")
    }
    let word = first.text.dropFirst("difficulty:".count).trimmed
    guard let difficulty = Difficulty(rawValue: word) else {
      throw source.error(first.number, "unknown difficulty '\(word)'; use easy, medium or hard")
    }
    var fields: [String: String] = [:]
    while let next = rest.first, let field = Self.fields.first(where: { next.text.hasPrefix($0 + ":") }) {
      rest.removeFirst()
      let value = next.text.dropFirst(field.count + 1).trimmed
      guard !value.isEmpty else { throw source.error(next.number, "'\(field):' needs a value after it") }
      guard fields.updateValue(value, forKey: field) == nil else {
        throw source.error(next.number, "'\(field):' is given twice")
      }
    }
    let sections = LabeledSections(Array(rest))
    let what = "question '\(id)'"
    try sections.expect(Self.sections, in: source, block: heading.number, what: what)
    let (prompt, checklist) = try Checklist.split(
      sections.preamble, in: source, what: what, at: heading.number)
    let promptText = prompt.markdown
    if promptText.isEmpty { throw source.error(heading.number, "\(what) needs a prompt before its options") }
    var texts: [String: String] = [:]
    for label in Self.sections {
      let text = sections.body(label).markdown
      if text.isEmpty { throw source.error(heading.number, "[\(label)] of \(what) is empty") }
      texts[label] = text
    }
    return Question(
      id: id, difficulty: difficulty, prompt: promptText, options: checklist.options,
      correct: checklist.correct,
      hint: texts["hint"]!, steps: texts["steps"]!, mistakes: texts["mistakes"]!, line: heading.number,
      topic: fields["topic"], allowLongest: fields["allow-longest"])
  }
}
