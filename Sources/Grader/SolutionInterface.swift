/// The names the checks may see of a learner's module: the top-level declarations of the files that say
/// what the learner provides (the starter and the exercise's support file). The checks import these by
/// name, never the whole module, so nothing else the learner declares, an `==` for [Post] included, can
/// reach them.
enum SolutionInterface {
  static let kinds: Set<String> = [
    "func", "struct", "enum", "class", "protocol", "typealias", "let", "var", "actor",
  ]
  static let modifiers: Set<String> = [
    "public", "internal", "package", "final", "nonisolated", "indirect", "static", "mutating", "dynamic",
  ]

  /// `kind name` for each top-level declaration of source with an identifier for a name, once each.
  static func declarations(in source: String) -> [String] {
    var found: [String] = []
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
      guard let first = line.first, first != " ", first != "\t", first != "}", first != "/" else { continue }
      var words = line.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ":" || $0 == "<" }).map(
        String.init)[...]
      while let word = words.first, word.hasPrefix("@") || modifiers.contains(word) { words.removeFirst() }
      guard let kind = words.popFirst(), kinds.contains(kind), let name = words.first,
        let initial = name.first, initial.isLetter || initial == "_",
        name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
      else { continue }
      let importKind = kind == "let" ? "var" : kind == "actor" ? "class" : kind
      let declaration = importKind + " " + name
      if !found.contains(declaration) { found.append(declaration) }
    }
    return found
  }
}
