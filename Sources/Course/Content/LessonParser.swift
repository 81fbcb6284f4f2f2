/// Reads lesson.md: front matter, Markdown split into screens at `##` headings, and the `:::` blocks.
public enum LessonParser {
  static let fields: Set<String> = ["id", "title", "minutes", "objectives", "topics"]

  /// Parses a lesson; number is the NN of its folder. Every error names file and line.
  public static func parse(
    _ contents: String, file: String, number: Int, simulations: Set<String>
  )
    throws(ContentError) -> Lesson
  {
    let source = SourceText(file: file, contents: contents)
    let (matter, body) = try FrontMatter.parse(source)
    if let unknown = matter.unknownKeys(allowed: fields).first {
      throw source.error(
        unknown.line,
        "unknown front matter key '\(unknown.key)'; lessons have id, title, minutes, objectives, topics"
      )
    }
    let id = try matter.required("id", in: source)
    guard Slug.isValid(id.value) else {
      throw source.error(id.line, "the id '\(id.value)' must be a slug: lowercase letters, digits and dashes")
    }
    let title = try matter.required("title", in: source).value
    let minutes = try matter.required("minutes", in: source)
    guard let count = Int(minutes.value), count > 0, count <= 240 else {
      throw source.error(minutes.line, "minutes must be a whole number from 1 to 240, not '\(minutes.value)'")
    }
    guard let objectives = matter.lists["objectives"], !objectives.items.isEmpty else {
      throw source.error(
        matter.fields["objectives"]?.line ?? matter.line,
        "the front matter needs 'objectives:' with '  - ' items")
    }
    let pages = try Pages(source: source, simulations: simulations).read(body)
    if let field = matter.fields["topics"] {
      throw source.error(field.line, "'topics:' is a list: put each topic on its own '  - slug' line")
    }
    return Lesson(
      number: number, id: id.value, title: title, minutes: count, objectives: objectives.items,
      topics: matter.topics, pages: pages, codeBlocks: try CodeBlocks.collect(body, in: source))
  }
}

/// Cuts a lesson's body into pages and its blocks into values.
private struct Pages {
  let source: SourceText
  let simulations: Set<String>

  func read(_ body: [SourceLine]) throws(ContentError) -> [LessonPage] {
    var pages = [LessonPage(title: nil, parts: [])]
    var markdown: [SourceLine] = []
    var fences = FenceTracker()
    var index = 0

    func flush() {
      let text = markdown.markdown
      if !text.isEmpty { pages[pages.count - 1].parts.append(.markdown(text)) }
      markdown = []
    }

    while index < body.count {
      let line = body[index]
      index += 1
      if fences.isCode(line) {
        markdown.append(line)
        continue
      }
      if line.text.hasPrefix("## ") {
        flush()
        pages.append(LessonPage(title: line.text.dropFirst(3).trimmed, parts: []))
        markdown.append(line)
      } else if line.text.hasPrefix(":::") {
        let opening = line.text.dropFirst(3).trimmed
        guard !opening.isEmpty else {
          throw source.error(
            line.number,
            "a ':::' that closes no block; blocks open with '::: model', '::: predict', '::: myth', "
              + "'::: pitfall', '::: lab' or '::: takeaways'"
          )
        }
        var inner: [SourceLine] = []
        var innerFences = FenceTracker()
        var closed = false
        while index < body.count {
          let next = body[index]
          index += 1
          if !innerFences.isCode(next), next.text.hasPrefix(":::") {
            guard next.text.trimmed == ":::" else {
              throw source.error(
                next.number,
                "blocks do not nest: close the block opened on line \(line.number) with ':::' first")
            }
            closed = true
            break
          }
          inner.append(next)
        }
        guard closed else {
          throw source.error(line.number, "this block is not closed: add a line ':::' after it")
        }
        flush()
        pages[pages.count - 1].parts.append(try block(opening, at: line.number, inner))
      } else {
        markdown.append(line)
      }
    }
    flush()
    if pages[0].parts.isEmpty { pages.removeFirst() }
    return pages
  }

  private func block(
    _ opening: String, at line: Int, _ lines: [SourceLine]
  ) throws(ContentError) -> LessonPart {
    let kind = String(opening.prefix { !$0.isWhitespace })
    let argument = opening.dropFirst(kind.count).trimmed
    let sections = LabeledSections(lines)
    switch kind {
    case "predict":
      try sections.expect(["reveal"], in: source, block: line, what: "a predict block")
      let (prompt, checklist) = try Checklist.split(
        sections.preamble, in: source, what: "a predict block", at: line)
      guard checklist.correct.count == 1 else {
        throw source.error(checklist.line, "a predict block has exactly one right option marked [x]")
      }
      return .predict(
        Predict(
          prompt: try nonEmpty(prompt, "a predict block needs a prompt before its options", line),
          options: checklist.options, answer: checklist.correct[0],
          reveal: try nonEmpty(sections.body("reveal"), "[reveal] is empty", line), line: line))
    case "myth":
      let verdict = sections.sections.first { $0.label == "true" || $0.label == "false" }
      try sections.expect(
        ["claim", verdict?.label ?? "true or false", "reality", "why it matters"], in: source, block: line,
        what: "a myth block")
      guard sections.preamble.allSatisfy(\.isBlank) else {
        throw source.error(
          sections.preamble.first { !$0.isBlank }!.number, "text before [claim] in a myth block")
      }
      guard let verdict, verdict.lines.allSatisfy(\.isBlank) else {
        throw source.error(line, "the [true] or [false] line of a myth block has nothing under it")
      }
      return .myth(
        Myth(
          claim: try nonEmpty(sections.body("claim"), "[claim] is empty", line),
          isTrue: verdict.label == "true",
          reality: try nonEmpty(sections.body("reality"), "[reality] is empty", line),
          whyItMatters: try nonEmpty(sections.body("why it matters"), "[why it matters] is empty", line),
          line: line))
    case "pitfall":
      guard !argument.isEmpty else {
        throw source.error(line, "a pitfall needs a title: '::: pitfall Title'")
      }
      try sections.expect(["wrong", "right", "root cause"], in: source, block: line, what: "a pitfall block")
      return .pitfall(
        Pitfall(
          title: argument, wrong: try nonEmpty(sections.body("wrong"), "[wrong] is empty", line),
          right: try nonEmpty(sections.body("right"), "[right] is empty", line),
          rootCause: try nonEmpty(sections.body("root cause"), "[root cause] is empty", line), line: line))
    case "lab":
      guard simulations.contains(argument) else {
        let known = simulations.sorted().joined(separator: ", ")
        throw source.error(line, "unknown simulation '\(argument)' for a lab; the course has: \(known)")
      }
      if let section = sections.sections.first {
        throw source.error(section.line, "a lab block has no sections, only an introduction")
      }
      return .lab(Lab(simulation: argument, introduction: sections.preamble.markdown, line: line))
    case "model":
      var analogy: String?
      if !sections.sections.isEmpty {
        try sections.expect(["analogy"], in: source, block: line, what: "a model block")
        analogy = try nonEmpty(sections.body("analogy"), "[analogy] is empty", line)
      }
      return .model(
        MentalModel(
          model: try nonEmpty(sections.preamble, "a model block needs the model before [analogy]", line),
          analogy: analogy, line: line))
    case "takeaways":
      if let section = sections.sections.first {
        throw source.error(section.line, "a takeaways block has no sections, only '- ' lines")
      }
      return .takeaways(Takeaways(items: try listItems(lines, what: "a takeaways block"), line: line))
    default:
      throw source.error(
        line, "unknown block '\(kind)'; blocks are model, predict, myth, pitfall, lab and takeaways")
    }
  }

  /// The `- item` lines of a block, an item continuing on lines indented by two spaces.
  private func listItems(_ lines: [SourceLine], what: String) throws(ContentError) -> [String] {
    var items: [String] = []
    for line in lines where !line.isBlank {
      if line.text.hasPrefix("- ") {
        items.append(line.text.dropFirst(2).trimmed)
      } else if line.text.hasPrefix("  "), !items.isEmpty {
        items[items.count - 1] += " " + line.text.trimmed
      } else {
        throw source.error(line.number, "\(what) holds only '- ' lines, one a takeaway")
      }
    }
    return items
  }

  private func nonEmpty(_ lines: [SourceLine], _ message: String, _ line: Int) throws(ContentError) -> String
  {
    let text = lines.markdown
    if text.isEmpty { throw source.error(line, message) }
    return text
  }
}

/// Identifiers of lessons and questions: lowercase letters, digits and single dashes.
enum Slug {
  static func isValid(_ text: String) -> Bool {
    !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
      && text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}
