/// The body of a block or question cut at `[label]` lines: the lines before the first label, then each
/// labelled section in order.
struct LabeledSections {
  struct Section {
    var label: String
    var line: Int
    var lines: [SourceLine]
  }

  var preamble: [SourceLine] = []
  var sections: [Section] = []

  init(_ lines: [SourceLine]) {
    var fences = FenceTracker()
    for line in lines {
      if !fences.isCode(line), let label = Self.label(of: line.text) {
        sections.append(Section(label: label, line: line.number, lines: []))
      } else if sections.isEmpty {
        preamble.append(line)
      } else {
        sections[sections.count - 1].lines.append(line)
      }
    }
  }

  /// The label of a line that is exactly `[label]` (letters, spaces and dashes), or nil.
  static func label(of text: String) -> String? {
    guard text.utf8.first(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: "[") else { return nil }
    let trimmed = text.trimmed
    guard trimmed.count > 2, trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
    let inner = trimmed.dropFirst().dropLast()
    guard inner.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }), inner.first?.isLetter == true else {
      return nil
    }
    return inner.lowercased()
  }

  /// Checks that exactly the expected labels appear, each once, in that order.
  func expect(_ labels: [String], in source: SourceText, block line: Int, what: String) throws(ContentError) {
    for (index, section) in sections.enumerated() {
      guard labels.contains(section.label) else {
        let known = labels.map { "[\($0)]" }.joined(separator: ", ")
        throw source.error(section.line, "unknown section [\(section.label)] in \(what); expected \(known)")
      }
      if sections[..<index].contains(where: { $0.label == section.label }) {
        throw source.error(section.line, "[\(section.label)] appears twice in \(what)")
      }
    }
    for label in labels where !sections.contains(where: { $0.label == label }) {
      throw source.error(line, "\(what) needs a [\(label)] section")
    }
    let order = sections.map(\.label)
    if order != labels {
      throw source.error(
        line, "the sections of \(what) go in this order: " + labels.map { "[\($0)]" }.joined(separator: ", "))
    }
  }

  func body(_ label: String) -> [SourceLine] {
    sections.first { $0.label == label }?.lines ?? []
  }
}
