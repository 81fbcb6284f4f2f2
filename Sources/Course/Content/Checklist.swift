/// Options written as a Markdown checklist, `- [ ] wrong` and `- [x] right`, as predict blocks and quiz
/// questions use them. An option may continue on following lines indented by two spaces.
struct Checklist {
  var options: [String] = []
  var correct: [Int] = []
  var line = 0

  /// Splits lines into the prompt before the checklist and the checklist; lines after it must be blank.
  static func split(
    _ lines: [SourceLine], in source: SourceText, what: String, at line: Int
  ) throws(ContentError)
    -> (prompt: [SourceLine], checklist: Checklist)
  {
    var fences = FenceTracker()
    var prompt: [SourceLine] = []
    var checklist = Checklist()
    var index = 0
    while index < lines.count {
      let current = lines[index]
      if !fences.isCode(current), Self.option(current.text) != nil { break }
      prompt.append(current)
      index += 1
    }
    guard index < lines.count else {
      throw source.error(line, "\(what) needs options, written as '- [ ] option' and '- [x] right option'")
    }
    checklist.line = lines[index].number
    while index < lines.count {
      let current = lines[index]
      index += 1
      if let (text, isCorrect) = Self.option(current.text) {
        guard !text.isEmpty else {
          throw source.error(current.number, "an option needs text after the checkbox")
        }
        if isCorrect { checklist.correct.append(checklist.options.count) }
        checklist.options.append(text)
      } else if current.text.hasPrefix("  "), !current.isBlank, !checklist.options.isEmpty {
        checklist.options[checklist.options.count - 1] += " " + current.text.trimmed
      } else if !current.isBlank {
        throw source.error(
          current.number,
          "expected another '- [ ] option' or a blank line; the prompt goes before the options")
      }
    }
    if checklist.options.count < 2 {
      throw source.error(checklist.line, "\(what) needs at least two options")
    }
    if checklist.options.count > 8 {
      throw source.error(checklist.line, "\(what) has more than eight options")
    }
    if checklist.correct.isEmpty { throw source.error(checklist.line, "no option is marked right with [x]") }
    if Set(checklist.options).count != checklist.options.count {
      throw source.error(checklist.line, "two options have the same text")
    }
    return (prompt, checklist)
  }

  /// The text and mark of a checklist line, or nil if the line is not one.
  static func option(_ text: String) -> (String, Bool)? {
    for (marker, isCorrect) in [("- [ ] ", false), ("- [x] ", true), ("- [X] ", true)]
    where text.hasPrefix(marker) {
      return (String(text.dropFirst(marker.count)).trimmed, isCorrect)
    }
    if text == "- [ ]" || text == "- [x]" { return ("", text == "- [x]") }
    return nil
  }
}
