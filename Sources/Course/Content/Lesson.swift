/// A lesson as the learner sees it: front matter, then screens of Markdown and interactive blocks.
public struct Lesson: Sendable, Equatable {
  /// The NN of the lesson's folder, its place in the course.
  public var number: Int
  /// The stable identity used by quizzes and progress.
  public var id: String
  public var title: String
  public var minutes: Int
  public var objectives: [String]
  /// The screens in order: the first holds what comes before the first `##` heading.
  public var pages: [LessonPage]
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
