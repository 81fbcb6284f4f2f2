/// The `key: value` header between two `---` lines at the top of a lesson or quiz file. Values are text or,
/// for a key with nothing after its colon, a list of `  - item` lines.
struct FrontMatter: Sendable {
  var fields: [String: (value: String, line: Int)] = [:]
  var lists: [String: (items: [String], line: Int)] = [:]
  /// The line of each list item, by list.
  var itemLines: [String: [Int]] = [:]
  /// The line where the front matter starts, for errors about a missing field.
  var line = 1

  /// Splits the header off source; the remaining lines are the body.
  static func parse(_ source: SourceText) throws(ContentError) -> (FrontMatter, [SourceLine]) {
    var lines = source.lines[...]
    guard let first = lines.first, first.text == "---" else {
      throw source.error(1, "the file must start with front matter: a line '---', key: value lines, '---'")
    }
    lines.removeFirst()
    var matter = FrontMatter()
    var currentList: String?
    while let line = lines.popFirst() {
      if line.text == "---" { return (matter, Array(lines)) }
      if line.isBlank { continue }
      if line.text.hasPrefix(" ") || line.text.hasPrefix("\t") {
        let item = line.text.drop { $0 == " " || $0 == "\t" }
        guard let list = currentList, item.hasPrefix("- ") else {
          throw source.error(
            line.number, "unexpected indented line; list items are '  - text' under a 'key:' line")
        }
        matter.lists[list]?.items.append(String(item.dropFirst(2)).trimmed)
        matter.itemLines[list, default: []].append(line.number)
        continue
      }
      guard let colon = line.text.firstIndex(of: ":") else {
        throw source.error(line.number, "expected 'key: value' in the front matter")
      }
      let key = line.text[..<colon].trimmed
      let value = line.text[line.text.index(after: colon)...].trimmed
      guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "-" }) else {
        throw source.error(line.number, "'\(key)' is not a front matter key")
      }
      if matter.fields[key] != nil || matter.lists[key] != nil {
        throw source.error(line.number, "'\(key)' is given twice")
      }
      if value.isEmpty {
        matter.lists[key] = ([], line.number)
        currentList = key
      } else {
        matter.fields[key] = (value, line.number)
        currentList = nil
      }
    }
    throw source.error(first.number, "the front matter is not closed: add a line '---' after it")
  }

  func required(_ key: String, in source: SourceText) throws(ContentError) -> (value: String, line: Int) {
    guard let field = fields[key] else {
      throw source.error(line, "the front matter needs '\(key):'")
    }
    return field
  }

  /// The `topics:` list, each item with its line.
  var topics: [TopicMention] {
    zip(lists["topics"]?.items ?? [], itemLines["topics"] ?? []).map { TopicMention(slug: $0, line: $1) }
  }

  /// Keys the format does not know, which are most likely typos.
  func unknownKeys(allowed: Set<String>) -> [(key: String, line: Int)] {
    let all = fields.map { ($0.key, $0.value.line) } + lists.map { ($0.key, $0.value.line) }
    return all.filter { !allowed.contains($0.0) }.sorted { $0.1 < $1.1 }
  }
}

extension StringProtocol {
  /// The text without leading and trailing whitespace.
  var trimmed: String {
    var start = startIndex
    var end = endIndex
    while start < end, self[start].isWhitespace { start = index(after: start) }
    while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
    return String(self[start..<end])
  }
}
