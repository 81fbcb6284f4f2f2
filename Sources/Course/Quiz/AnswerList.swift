/// The `--answers B,A+C,...` list: one answer per question in file order, each one or more option letters
/// joined by `+`, naming options as they are written in the file.
public enum AnswerList {
  /// The chosen file indices per question; throws a message naming the first bad answer.
  public static func parse(_ text: String, for quiz: Quiz) throws(AnswerListError) -> [[Int]] {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmed }
    guard parts.count == quiz.questions.count else {
      throw AnswerListError(
        "--answers has \(parts.count) answer\(parts.count == 1 ? "" : "s") but the quiz has \(quiz.questions.count) questions"
      )
    }
    var answers: [[Int]] = []
    for (number, (part, question)) in zip(parts, quiz.questions).enumerated() {
      let letters = part.split(separator: "+").map { $0.trimmed }
      var chosen: [Int] = []
      for letter in letters {
        guard letter.count == 1, let index = Letters.index(letter.first!), index < question.options.count
        else {
          let last = Letters.letter(question.options.count - 1)
          throw AnswerListError(
            "answer \(number + 1) ('\(part)'): use option letters A to \(last), joined by + for several")
        }
        if !chosen.contains(index) { chosen.append(index) }
      }
      if chosen.isEmpty { throw AnswerListError("answer \(number + 1) is empty") }
      answers.append(chosen)
    }
    return answers
  }
}

/// A malformed `--answers` list.
public struct AnswerListError: Error, Sendable, CustomStringConvertible {
  public var description: String

  init(_ description: String) {
    self.description = description
  }
}
