import Testing

@testable import Course

@Suite struct LessonParserTests {
  static let simulations: Set<String> = ["hit-ratio-latency"]

  static let good = """
    ---
    id: why-caching
    title: Why caching matters
    minutes: 12
    objectives:
      - Estimate savings
      - Trace a miss
    ---

    Opening words.

    ## The cost model

    Text with `code`.

    ```swift
    ## not a heading
    ::: not a block
    ```

    ::: predict
    What is the average?

    - [ ] 2 ms
    - [x] 21.8 ms
      (hits and misses)
    - [ ] 101 ms

    [reveal]
    Because a miss pays twice.
    :::

    ## Myths

    \(SampleMyth.block)

    ::: pitfall Greeting by name
    [wrong]
    Cache the page.
    [right]
    Vary by user.
    [root cause]
    Shared key.
    :::

    ::: lab hit-ratio-latency
    Watch the curve.
    :::
    """

  @Test func readsFrontMatterPagesAndBlocks() throws {
    let lesson = try LessonParser.parse(Self.good, file: "l.md", number: 1, simulations: Self.simulations)
    #expect(
      lesson.id == "why-caching" && lesson.minutes == 12
        && lesson.objectives == ["Estimate savings", "Trace a miss"])
    #expect(lesson.pages.map(\.title) == [nil, "The cost model", "Myths"])
    #expect(lesson.pages[0].parts == [.markdown("Opening words.")])
    guard case .markdown(let text) = lesson.pages[1].parts[0],
      case .predict(let predict) = lesson.pages[1].parts[1]
    else {
      Issue.record("page 2 should be Markdown then a predict block")
      return
    }
    #expect(text.contains("## not a heading") && text.contains("::: not a block"))
    #expect(predict.options == ["2 ms", "21.8 ms (hits and misses)", "101 ms"] && predict.answer == 1)
    #expect(predict.prompt == "What is the average?" && predict.reveal == "Because a miss pays twice.")
    #expect(
      lesson.pages[2].parts.dropFirst()
        == [
          .myth(
            Myth(
              claim: "Zero means forever.", isTrue: false, reality: "Zero means at once.",
              whyItMatters: "The cache is off.", line: 35)),
          .pitfall(
            Pitfall(
              title: "Greeting by name", wrong: "Cache the page.", right: "Vary by user.",
              rootCause: "Shared key.", line: 45)),
          .lab(Lab(simulation: "hit-ratio-latency", introduction: "Watch the curve.", line: 54)),
        ])
  }

  @Test func readsModelTakeawaysTopicsAndCodeBlocks() throws {
    let text = Self.good.replacingFirst(
      "---\n\nOpening words.",
      with: """
        topics:
          - purpose-and-cost
          - expiration
        ---

        ::: model
        A copy kept close.
        [analogy]
        A notepad.
        :::

        ```swift exercisekit
        let database = SlowDatabase()
        ```
        """
    ).replacingFirst(
      "Watch the curve.\n:::", with: "Watch the curve.\n:::\n\n::: takeaways\n- One\n- Two\n  more\n:::")
    let lesson = try LessonParser.parse(text, file: "l.md", number: 1, simulations: Self.simulations)
    #expect(
      lesson.topics == [
        TopicMention(slug: "purpose-and-cost", line: 9), TopicMention(slug: "expiration", line: 10),
      ])
    #expect(
      lesson.pages[0].parts.first
        == .model(MentalModel(model: "A copy kept close.", analogy: "A notepad.", line: 13)))
    #expect(lesson.parts.last == .takeaways(Takeaways(items: ["One", "Two more"], line: 69)))
    #expect(
      lesson.codeBlocks.map { [$0.language] + $0.attributes }
        == [["swift", "exercisekit"], ["swift"]])
    #expect(lesson.codeBlocks[0].code == "let database = SlowDatabase()" && lesson.codeBlocks[0].line == 19)
    #expect(lesson.codeBlocks[1].code == "## not a heading\n::: not a block")
  }

  @Test func frontMatterMustExistAndClose() {
    #expect(
      throws: ContentError(
        file: "f", line: 1,
        message: "the file must start with front matter: a line '---', key: value lines, '---'")
    ) {
      try LessonParser.parse("# Hello", file: "f", number: 1, simulations: [])
    }
    #expect(
      throws: ContentError(
        file: "f", line: 1, message: "the front matter is not closed: add a line '---' after it")
    ) {
      try LessonParser.parse("---\nid: a\n", file: "f", number: 1, simulations: [])
    }
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
