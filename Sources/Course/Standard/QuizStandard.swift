/// What every quiz must hold beyond a well-formed file: enough questions at each difficulty, topics from
/// the vocabulary, and options that do not give the answer away.
enum QuizStandard {
  static let minimumQuestions = 10
  static let minimumPerDifficulty: [(Difficulty, Int)] = [(.easy, 3), (.medium, 4), (.hard, 3)]
  /// The most single-answer questions of a quiz whose right option may be the strictly longest one.
  static let longestRightShare = 0.4
  /// Options that let a learner answer without knowing the subject.
  static let catchAllPhrases = ["all of the above", "none of the above"]

  static func review(_ quiz: Quiz, file: String, topics: Set<String>?) -> [ContentError] {
    var errors: [ContentError] = []
    func fail(_ line: Int, _ message: String) {
      errors.append(ContentError(file: file, line: line, message: message))
    }

    let questions = quiz.questions
    let shortfalls = minimumPerDifficulty.compactMap { difficulty, minimum -> String? in
      let count = questions.filter { $0.difficulty == difficulty }.count
      return count < minimum ? "\(count) \(difficulty.rawValue) (at least \(minimum))" : nil
    }
    if questions.count < minimumQuestions || !shortfalls.isEmpty {
      let detail = shortfalls.isEmpty ? "" : ": " + shortfalls.joined(separator: ", ")
      fail(
        1,
        "\(questions.count) questions\(detail); a quiz has at least \(minimumQuestions), with at least "
          + minimumPerDifficulty.map { "\($1) \($0.rawValue)" }.joined(separator: ", "))
    }
    for question in questions {
      if let topic = question.topic, let message = TopicCheck.unknown(topic, in: topics) {
        fail(question.line, "question '\(question.id)': \(message)")
      }
      for option in question.options {
        let lowered = option.lowercased()
        if let phrase = catchAllPhrases.first(where: { lowered.contains($0) }) {
          fail(
            question.line,
            "question '\(question.id)' has an option reading \"\(phrase)\"; options are shuffled and must "
              + "each stand alone")
        }
      }
    }
    if let message = lengthLint(questions) { fail(message.line, message.text) }
    return errors
  }

  /// The questions whose right option is longer than every other option.
  static func longestRight(_ questions: [Question]) -> [Question] {
    questions.filter { question in
      guard !question.isMultipleAnswer, question.allowLongest == nil else { return false }
      let right = question.options[question.correct[0]].count
      return question.options.indices.allSatisfy {
        $0 == question.correct[0] || question.options[$0].count < right
      }
    }
  }

  /// An error when too many right options can be guessed by their length alone.
  private static func lengthLint(_ questions: [Question]) -> (line: Int, text: String)? {
    let single = questions.filter { !$0.isMultipleAnswer }
    let longest = longestRight(questions)
    guard !single.isEmpty, Double(longest.count) > longestRightShare * Double(single.count) else {
      return nil
    }
    let percent = Int((100 * Double(longest.count) / Double(single.count)).rounded())
    let names = longest.map { "'\($0.id)' (line \($0.line))" }.joined(separator: ", ")
    return (
      longest[0].line,
      "the right option is the longest one in \(longest.count) of \(single.count) single-answer questions "
        + "(\(percent)%, over \(Int(longestRightShare * 100))%), so length gives the answer away: \(names). "
        + "Rewrite options so length says nothing, or give a question 'allow-longest: <reason>'"
    )
  }
}
