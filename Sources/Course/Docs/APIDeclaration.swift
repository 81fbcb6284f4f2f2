import Foundation

/// One public declaration of a course module, as a learner's code sees it: its signature (without
/// `public`), its doc comment, and the type it belongs to.
public struct APIDeclaration: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable {
    case `struct`, `class`, `enum`, `protocol`, `actor`, `typealias`
    case `case`, `init`, `var`, `let`, `func`, `subscript`, `associatedtype`

    /// Declarations that name a type, which get a page of their own.
    public var isType: Bool { [.struct, .class, .enum, .protocol, .actor, .typealias].contains(self) }
  }

  public var kind: Kind
  /// The declared name: `SlowDatabase`, `getOrSet`, `init`.
  public var name: String
  /// The type it is declared in (or extends), dotted for nested types; nil at the top level.
  public var owner: String?
  /// The declaration as written, on one line, without access modifiers or attributes.
  public var signature: String
  /// The doc comment's text, without the `///`; lines are kept.
  public var documentation: String
  /// CacheKit or ExerciseKit.
  public var module: String
  /// The file it is declared in, relative to the module's folder.
  public var file = ""

  /// The name a type is looked up by: owner and name, dotted.
  public var qualifiedName: String { owner.map { $0 + "." + name } ?? name }

  /// The doc comment's first sentence, for lists.
  public var summary: String {
    let paragraph = documentation.split(separator: "\n", omittingEmptySubsequences: false)
      .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .joined(separator: " ")
    guard let end = paragraph.range(of: ". ") else { return paragraph }
    return String(paragraph[..<end.lowerBound]) + "."
  }
}
