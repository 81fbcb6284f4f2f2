/// A lesson as the learner sees it: front matter, then screens of Markdown and interactive blocks.
public struct Lesson: Sendable, Equatable {
  /// The NN of the lesson's folder, its place in the course.
  public var number: Int
  /// The stable identity used by quizzes and progress.
  public var id: String
  public var title: String
  public var minutes: Int
  public var objectives: [String]
  /// The topics from Lessons/topics.md the lesson teaches, for `dev coverage`.
  public var topics: [TopicMention] = []
  /// The screens in order: the first holds what comes before the first `##` heading.
  public var pages: [LessonPage]
  /// Every fenced code block, in order; `dev check` type-checks the Swift ones.
  public var codeBlocks: [CodeBlock] = []
  /// Every part of every page, in order.
  public var parts: [LessonPart] { pages.flatMap(\.parts) }
}

/// One screen of a lesson: a `##` section, or the opening text.
public struct LessonPage: Sendable, Equatable {
  /// The `##` heading, or nil for the opening page.
  public var title: String?
  public var parts: [LessonPart]
}

/// A piece of a page: plain Markdown or one of the course's blocks.
public enum LessonPart: Sendable, Equatable {
  case markdown(String)
  case predict(Predict)
  case myth(Myth)
  case pitfall(Pitfall)
  case lab(Lab)
  case model(MentalModel)
  case takeaways(Takeaways)
}

extension LessonPart {
  /// The block's name as written after `:::`, or "markdown".
  public var kind: String {
    switch self {
    case .markdown: "markdown"
    case .predict: "predict"
    case .myth: "myth"
    case .pitfall: "pitfall"
    case .lab: "lab"
    case .model: "model"
    case .takeaways: "takeaways"
    }
  }

  /// The line of the block's opening `:::`; nil for Markdown.
  public var line: Int? {
    switch self {
    case .markdown: nil
    case .predict(let block): block.line
    case .myth(let block): block.line
    case .pitfall(let block): block.line
    case .lab(let block): block.line
    case .model(let block): block.line
    case .takeaways(let block): block.line
    }
  }
}

/// The picture of the topic the rest of the lesson builds on, with an everyday analogy where one helps.
public struct MentalModel: Sendable, Equatable {
  public var model: String
  public var analogy: String?
  public var line: Int
}

/// The few lines a learner should leave the lesson with; the standard puts them last.
public struct Takeaways: Sendable, Equatable {
  public var items: [String]
  public var line: Int
}

/// A fenced code block of a lesson, with the words of its info string after the language.
public struct CodeBlock: Sendable, Equatable {
  /// The language, the first word of the info string (`swift`).
  public var language: String
  /// The words after the language, such as `fragment` or `exercisekit`.
  public var attributes: [String]
  public var code: String
  /// The line of the opening fence; the code starts on the next line.
  public var line: Int
}

/// The learner picks an answer before the explanation is revealed.
public struct Predict: Sendable, Equatable {
  public var prompt: String
  public var options: [String]
  /// The index of the right option in `options`.
  public var answer: Int
  public var reveal: String
  public var line: Int
}

/// A widely held claim the learner judges true or false before reading the reality.
public struct Myth: Sendable, Equatable {
  public var claim: String
  public var isTrue: Bool
  public var reality: String
  public var whyItMatters: String
  public var line: Int
}

/// A named mistake: the wrong approach, the right one, and the root cause.
public struct Pitfall: Sendable, Equatable {
  public var title: String
  public var wrong: String
  public var right: String
  public var rootCause: String
  public var line: Int
}

/// A simulation run during the lesson, shown as a chart.
public struct Lab: Sendable, Equatable {
  public var simulation: String
  public var introduction: String
  public var line: Int
}
