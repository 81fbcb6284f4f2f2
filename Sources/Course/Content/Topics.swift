/// A topic a lesson, question or exercise names, with the line that names it.
public struct TopicMention: Sendable, Equatable {
  public var slug: String
  public var line: Int
}

/// One entry of the course's topic vocabulary: what the course must cover.
public struct Topic: Sendable, Equatable {
  public var slug: String
  public var summary: String
  public var line: Int
}

/// Reads Lessons/topics.md: every line `- slug: what it covers` is a topic; other lines are prose.
public enum TopicsParser {
  public static func parse(_ contents: String, file: String) throws(ContentError) -> [Topic] {
    let source = SourceText(file: file, contents: contents)
    var topics: [Topic] = []
    for line in source.lines where line.text.hasPrefix("- ") {
      let entry = line.text.dropFirst(2)
      guard let colon = entry.firstIndex(of: ":") else {
        throw source.error(line.number, "a topic is written '- slug: what it covers'")
      }
      let slug = entry[..<colon].trimmed
      let summary = entry[entry.index(after: colon)...].trimmed
      guard Slug.isValid(slug) else {
        throw source.error(
          line.number, "the topic '\(slug)' must be a slug: lowercase letters, digits and dashes")
      }
      guard !summary.isEmpty else { throw source.error(line.number, "say what the topic '\(slug)' covers") }
      if let earlier = topics.first(where: { $0.slug == slug }) {
        throw source.error(line.number, "the topic '\(slug)' is already listed on line \(earlier.line)")
      }
      topics.append(Topic(slug: slug, summary: summary, line: line.number))
    }
    if topics.isEmpty { throw source.error(1, "no topics: list them as '- slug: what it covers'") }
    return topics
  }
}
