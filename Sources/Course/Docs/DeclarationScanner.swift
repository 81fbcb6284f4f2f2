import Foundation

/// Finds the public declarations of one Swift file with their `///` doc comments: those marked `public`
/// or `open`, the requirements of a public protocol and the cases of a public enum. Bodies are skipped;
/// nested types and extensions give their members an owner.
struct DeclarationScanner {
  let module: String

  /// A type or extension whose body is open at braceDepth.
  private struct Container {
    var name: String
    var members: Members
    var braceDepth: Int
  }

  /// Which members of a container are public.
  private enum Members {
    /// None: it is a declared type that is not public, or is inside one.
    case hidden
    /// Every one, without saying so: a public protocol's requirements.
    case allPublic
    /// Its cases, and those marked public or open: a public enum.
    case casesAndMarked
    /// Those marked public or open.
    case marked
  }

  static let accessModifiers: Set<String> = [
    "public", "open", "internal", "private", "fileprivate", "package",
  ]
  static let otherModifiers: Set<String> = [
    "final", "static", "class", "mutating", "nonmutating", "override", "required", "convenience",
    "nonisolated", "indirect", "lazy", "weak", "unowned", "dynamic", "optional", "isolated", "consuming",
    "borrowing",
  ]
  static let containerKinds: Set<String> = ["struct", "class", "enum", "protocol", "actor", "extension"]
  static let keywords: Set<String> = containerKinds.union([
    "typealias", "case", "init", "var", "let", "func", "subscript", "associatedtype", "deinit",
  ])

  func scan(_ source: String) -> [APIDeclaration] {
    let mask = SwiftSourceMask(source)
    var found: [APIDeclaration] = []
    var containers: [Container] = []
    var depth = 0
    var documentation: [String] = []
    var line = 0
    while line < mask.lines.count {
      let original = String(mask.lines[line]).trimmingCharacters(in: .whitespaces)
      let code = String(mask.masked[line]).trimmingCharacters(in: .whitespaces)
      let atDeclarations = depth == (containers.last?.braceDepth ?? 0)
      if mask.startsInCode[line] && original.hasPrefix("///") {
        documentation.append(Self.docText(original))
        line += 1
        continue
      }
      if atDeclarations && code.hasPrefix("@") && Self.start(of: code) == nil {
        line += 1
        continue
      }
      guard atDeclarations, let start = Self.start(of: code) else {
        depth += Self.braceChange(mask.masked[line])
        while let last = containers.last, depth < last.braceDepth { containers.removeLast() }
        if !original.isEmpty { documentation = [] }
        line += 1
        continue
      }
      let last = Self.signatureEnd(mask, from: line)
      let before = depth
      var text = ""
      var open = 0
      var opened = false
      for index in line...last {
        if !opened {
          var cut: Int?
          for (position, character) in mask.masked[index].enumerated() {
            if character == "(" || character == "[" { open += 1 }
            if character == ")" || character == "]" { open -= 1 }
            if character == "{" && open <= 0 {
              cut = position
              break
            }
          }
          text += " " + String(mask.lines[index][..<(cut ?? mask.lines[index].count)])
          opened = cut != nil
        }
        depth += Self.braceChange(mask.masked[index])
      }
      let owner = containers.last
      let visible = Self.isVisible(start, in: owner)
      if visible && start.keyword != "extension" && start.keyword != "deinit" {
        let kind = APIDeclaration.Kind(rawValue: start.keyword) ?? .func
        found.append(
          APIDeclaration(
            kind: kind, name: start.name, owner: owner?.name,
            signature: Self.signature(text, storedProperty: kind == .var || kind == .let),
            documentation: documentation.joined(separator: "\n"), module: module))
      }
      if Self.containerKinds.contains(start.keyword), depth > before {
        let qualified =
          start.keyword == "extension" ? start.name : (owner.map { $0.name + "." } ?? "") + start.name
        containers.append(
          Container(
            name: qualified, members: Self.members(of: start, visible: visible, in: owner),
            braceDepth: before + 1))
      }
      while let container = containers.last, depth < container.braceDepth { containers.removeLast() }
      documentation = []
      line = last + 1
    }
    return found
  }

  /// The start of a declaration: its access modifier, keyword and name.
  struct Start: Equatable {
    var access: String?
    var keyword: String
    var name: String
  }

  /// Reads attributes and modifiers, then a declaration keyword and the name after it; nil when the
  /// line does not start a declaration.
  static func start(of code: String) -> Start? {
    var rest = Substring(code)
    var access: String?
    while true {
      rest = rest.drop { $0 == " " }
      if rest.hasPrefix("@") {
        rest = rest.dropFirst().drop { $0.isLetter || $0.isNumber || $0 == "_" }
        if rest.hasPrefix("(") { rest = skipParentheses(rest) }
        continue
      }
      let word = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
      guard !word.isEmpty else { return nil }
      rest = rest.dropFirst(word.count)
      if accessModifiers.contains(word) {
        access = word
        if rest.hasPrefix("(") { rest = skipParentheses(rest) }
        continue
      }
      if word == "class", let next = nextWord(rest), keywords.contains(next), next != "class" { continue }
      if otherModifiers.contains(word) && word != "class" { continue }
      guard keywords.contains(word) else { return nil }
      rest = rest.drop { $0 == " " }
      let name: String
      switch word {
      case "init", "deinit", "subscript": name = word
      case "func":
        let identifier = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "`" }
        name =
          identifier.isEmpty
          ? String(rest.prefix { $0 != "(" && $0 != "<" && $0 != " " }) : String(identifier)
      default:
        name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "`" })
      }
      guard !name.isEmpty else { return nil }
      return Start(access: access, keyword: word, name: name.replacingOccurrences(of: "`", with: ""))
    }
  }

  private static func nextWord(_ text: Substring) -> String? {
    let word = text.drop { $0 == " " }.prefix { $0.isLetter }
    return word.isEmpty ? nil : String(word)
  }

  private static func skipParentheses(_ text: Substring) -> Substring {
    var depth = 0
    for index in text.indices {
      if text[index] == "(" { depth += 1 }
      if text[index] == ")" {
        depth -= 1
        if depth == 0 { return text[text.index(after: index)...] }
      }
    }
    return ""
  }

  /// Which members are public of the container that start opens, itself visible or not.
  private static func members(of start: Start, visible: Bool, in owner: Container?) -> Members {
    if owner?.members == .hidden || (start.keyword != "extension" && !visible) { return .hidden }
    let isPublic = start.access == "public" || start.access == "open"
    if isPublic && start.keyword == "protocol" { return .allPublic }
    if isPublic && start.keyword == "enum" { return .casesAndMarked }
    return .marked
  }

  private static func isVisible(_ start: Start, in owner: Container?) -> Bool {
    switch (start.access, owner?.members) {
    case (_, .hidden): return false
    case ("public", _), ("open", _), (nil, .allPublic): return true
    case (nil, .casesAndMarked): return start.keyword == "case"
    default: return false
    }
  }

  /// The last line of the declaration starting at line: it goes on while parentheses or brackets are
  /// open, or the next line continues it (`->`, `throws`, `where`, `async`).
  private static func signatureEnd(_ mask: SwiftSourceMask, from line: Int) -> Int {
    var open = 0
    var index = line
    while index < mask.masked.count {
      for character in mask.masked[index] {
        if character == "(" || character == "[" { open += 1 }
        if character == ")" || character == "]" { open -= 1 }
        if character == "{" && open <= 0 { return index }
      }
      guard index + 1 < mask.masked.count else { return index }
      let next = String(mask.masked[index + 1]).trimmingCharacters(in: .whitespaces)
      let continues = ["->", "throws", "rethrows", "where", "async", "{"].contains { next.hasPrefix($0) }
      if open <= 0 && !continues { return index }
      index += 1
    }
    return mask.masked.count - 1
  }

  private static func braceChange(_ masked: [Character]) -> Int {
    masked.reduce(0) { $0 + ($1 == "{" ? 1 : $1 == "}" ? -1 : 0) }
  }

  /// The declaration on one line: spaces collapsed, no access modifiers or leading attributes, no space
  /// inside parentheses, and no `=` left dangling before a body. A property with a type keeps the type
  /// and drops its initial value.
  static func signature(_ text: String, storedProperty: Bool = false) -> String {
    var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    while let first = words.first,
      first.hasPrefix("@") || accessModifiers.contains(first) || first == "public(set)"
    {
      words.removeFirst()
    }
    var joined = words.filter { !$0.hasPrefix("private(set)") && !$0.hasPrefix("internal(set)") }
      .joined(separator: " ")
    for (from, to) in [("( ", "("), (" )", ")"), (", )", ")"), (",)", ")"), ("[ ", "["), (" ]", "]")] {
      joined = joined.replacingOccurrences(of: from, with: to)
    }
    if storedProperty, let value = topLevelAssignment(in: joined), joined[..<value].contains(":") {
      joined = String(joined[..<value])
    }
    while joined.hasSuffix("=") || joined.hasSuffix(" ") { joined.removeLast() }
    return joined
  }

  /// Where ` = ` starts outside parentheses and brackets.
  private static func topLevelAssignment(in text: String) -> String.Index? {
    var open = 0
    for index in text.indices {
      switch text[index] {
      case "(", "[": open += 1
      case ")", "]": open -= 1
      case "="
      where open == 0 && text[index...].hasPrefix("= ") && index > text.startIndex
        && text[text.index(before: index)] == " ":
        return text.index(before: index)
      default: break
      }
    }
    return nil
  }

  private static func docText(_ line: String) -> String {
    let text = line.dropFirst(3)
    return String(text.hasPrefix(" ") ? text.dropFirst() : text)
  }
}
