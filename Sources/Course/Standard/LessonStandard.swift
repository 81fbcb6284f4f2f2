/// What every lesson must hold beyond a well-formed file: the parts of a good lesson, and topics from the
/// course's vocabulary.
enum LessonStandard {
  static let minimumPredicts = 2
  static let takeawayCount = 3...6
  /// A takeaway is one short line on an 80-column screen.
  static let takeawayLength = 110

  static func review(_ entry: CourseContent.Entry, topics: Set<String>?) -> [ContentError] {
    let lesson = entry.lesson
    var errors: [ContentError] = []
    func fail(_ line: Int, _ message: String) {
      errors.append(ContentError(file: entry.lessonFile, line: line, message: message))
    }
    let parts = lesson.parts
    var counts: [String: Int] = [:]
    for part in parts { counts[part.kind, default: 0] += 1 }

    if counts["model", default: 0] == 0 {
      fail(1, "no '::: model' block: every lesson states the mental model the rest builds on")
    }
    if counts["predict", default: 0] < minimumPredicts {
      fail(
        parts.lastLine(of: "predict") ?? 1,
        "\(counts["predict", default: 0]) predict block(s); every lesson has at least \(minimumPredicts), "
          + "so the learner commits to an answer before the explanation")
    }
    if counts["myth", default: 0] == 0 {
      fail(1, "no '::: myth' block: every lesson busts at least one myth the learner arrives with")
    }
    if counts["pitfall", default: 0] == 0 {
      fail(1, "no '::: pitfall' block: every lesson shows a mistake with the wrong and the right code")
    }
    takeaways(parts, fail: fail)
    if lesson.topics.isEmpty {
      fail(1, "the front matter needs 'topics:' with '  - slug' items from Lessons/topics.md")
    }
    for (index, topic) in lesson.topics.enumerated() {
      if lesson.topics[..<index].contains(where: { $0.slug == topic.slug }) {
        fail(topic.line, "the topic '\(topic.slug)' is listed twice")
      }
      if let message = TopicCheck.unknown(topic.slug, in: topics) { fail(topic.line, message) }
    }
    return errors
  }

  private static func takeaways(_ parts: [LessonPart], fail: (Int, String) -> Void) {
    let blocks = parts.compactMap { part -> Takeaways? in
      if case .takeaways(let takeaways) = part { return takeaways }
      return nil
    }
    guard let block = blocks.last else {
      fail(1, "no '::: takeaways' block: every lesson ends on 3 to 6 short takeaways")
      return
    }
    if blocks.count > 1 { fail(block.line, "a lesson has one takeaways block, at its end") }
    guard case .takeaways = parts.last else {
      fail(block.line, "the takeaways block must be the last thing in the lesson")
      return
    }
    if !takeawayCount.contains(block.items.count) {
      fail(
        block.line,
        "\(block.items.count) takeaways; a lesson ends on \(takeawayCount.lowerBound) to "
          + "\(takeawayCount.upperBound)")
    }
    for item in block.items where item.count > takeawayLength {
      fail(
        block.line,
        "the takeaway '\(item.prefix(40))…' has \(item.count) characters; keep each under \(takeawayLength + 1)"
      )
    }
  }
}

extension [LessonPart] {
  fileprivate func lastLine(of kind: String) -> Int? { last { $0.kind == kind }?.line }
}

/// Checks a topic against the vocabulary.
enum TopicCheck {
  /// Why slug is not a topic of the vocabulary, or nil when it is (or there is no vocabulary to check).
  static func unknown(_ slug: String, in topics: Set<String>?) -> String? {
    guard let topics, !topics.contains(slug) else { return nil }
    let near = topics.filter { $0.hasPrefix(slug.prefix(4)) }.sorted()
    let hint = near.isEmpty ? "" : " (did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?)"
    return "'\(slug)' is not a topic of Lessons/topics.md\(hint)"
  }
}
