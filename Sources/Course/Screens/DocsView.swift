/// `cachelings docs`: the index of CacheKit's and ExerciseKit's types, and a page per type with its
/// members, each signature laid out for the console's width and followed by its doc comment.
public struct DocsView {
  public let console: Console

  public init(console: Console) {
    self.console = console
  }

  /// Every type and free function by module, each with its first sentence.
  public func index(_ reference: APIReference, program: String) -> [String] {
    var markdown = [
      "# CacheKit and ExerciseKit",
      "What a solution can use, from the doc comments in the course's Sources/. "
        + "`\(program) docs NAME` shows a type with its members (`\(program) docs SlowDatabase`).",
    ]
    for module in APIReference.modules {
      let types = reference.types.filter { $0.module == module }
      let free = reference.freeDeclarations.filter { $0.module == module }
      guard !types.isEmpty || !free.isEmpty else { continue }
      markdown.append("## " + module)
      markdown.append(types.map(item).joined(separator: "\n"))
      if !free.isEmpty {
        markdown.append("Functions and constants:")
        var seen = Set<String>()
        markdown.append(free.filter { seen.insert($0.name).inserted }.map(item).joined(separator: "\n"))
      }
    }
    return console.markdown(markdown.joined(separator: "\n\n"))
  }

  /// A type with its members by kind, or a free function with its overloads.
  public func page(_ found: [APIDeclaration], in reference: APIReference) -> [String] {
    guard let first = found.first else { return [] }
    var markdown = [
      "# " + first.qualifiedName,
      "*\(first.kind.rawValue) in \(first.module)*",
    ]
    for declaration in found {
      markdown.append(code(declaration.signature))
      if !declaration.documentation.isEmpty { markdown.append(declaration.documentation) }
    }
    guard first.kind.isType else { return console.markdown(markdown.joined(separator: "\n\n")) }
    let members = reference.members(of: first)
    for section in Self.sections {
      let chosen = members.filter { section.kinds.contains($0.kind) }
      guard !chosen.isEmpty else { continue }
      markdown.append("## " + section.title)
      if section.kinds.contains(where: \.isType) {
        markdown.append(chosen.map(item).joined(separator: "\n"))
        continue
      }
      for member in chosen {
        markdown.append(code(member.signature))
        if !member.documentation.isEmpty { markdown.append(member.documentation) }
      }
    }
    return console.markdown(markdown.joined(separator: "\n\n"))
  }

  /// The headings members are grouped under, in order.
  static let sections: [(title: String, kinds: Set<APIDeclaration.Kind>)] = [
    ("Cases", [.case]), ("Creating one", [.`init`]), ("Properties", [.var, .let]),
    ("Methods", [.func, .subscript]), ("Associated types", [.associatedtype]),
    ("Types inside", [.struct, .class, .enum, .protocol, .actor, .typealias]),
  ]

  private func item(_ declaration: APIDeclaration) -> String {
    let summary = declaration.summary.isEmpty ? "" : ": " + declaration.summary
    return "- **\(declaration.qualifiedName)** (\(declaration.kind.rawValue))\(summary)"
  }

  /// A fenced block of the signature, broken at its parameters when it is wider than a code line.
  private func code(_ signature: String) -> String {
    let lines = SignatureLayout.lines(signature, width: console.width - 2)
    return "```swift\n" + lines.joined(separator: "\n") + "\n```"
  }
}
