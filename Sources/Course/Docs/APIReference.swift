import Foundation

/// The API a solution uses, CacheKit's and ExerciseKit's, read from the doc comments of their public
/// declarations in the course's Sources/, so `cachelings docs` always says what the code does.
public struct APIReference: Sendable {
  /// The modules a learner's file imports.
  public static let modules = ["CacheKit", "ExerciseKit"]

  public var declarations: [APIDeclaration]

  public init(declarations: [APIDeclaration]) {
    self.declarations = declarations
  }

  public struct MissingSources: Error, CustomStringConvertible {
    public var folder: String
    public var description: String {
      "the API reference is read from the course's sources, and \(folder) is missing"
    }
  }

  /// Reads every Swift file under Sources/MODULE of the course at root.
  public static func load(root: String, modules: [String] = modules) throws(MissingSources) -> APIReference {
    var declarations: [APIDeclaration] = []
    for module in modules {
      let folder = root + "/Sources/" + module
      guard let paths = FileManager.default.subpaths(atPath: folder) else {
        throw MissingSources(folder: folder)
      }
      let scanner = DeclarationScanner(module: module)
      for path in paths.filter({ $0.hasSuffix(".swift") }).sorted() {
        guard let text = try? String(contentsOfFile: folder + "/" + path, encoding: .utf8) else { continue }
        declarations += scanner.scan(text).map { declaration in
          var placed = declaration
          placed.file = path
          return placed
        }
      }
    }
    return APIReference(declarations: declarations)
  }

  /// The declared types, nested ones included, by module and then name.
  public var types: [APIDeclaration] {
    declarations.filter(\.kind.isType).sorted {
      ($0.module, $0.qualifiedName.lowercased()) < ($1.module, $1.qualifiedName.lowercased())
    }
  }

  /// Functions, constants and variables outside any type, by module and then name.
  public var freeDeclarations: [APIDeclaration] {
    declarations.filter { $0.owner == nil && !$0.kind.isType }.sorted {
      ($0.module, $0.name.lowercased()) < ($1.module, $1.name.lowercased())
    }
  }

  /// Every name `lookup` answers to.
  public var names: [String] {
    var seen = Set<String>()
    return (types.map(\.qualifiedName) + freeDeclarations.map(\.name)).filter { seen.insert($0).inserted }
  }

  /// What name names, ignoring case: a type (by its dotted name, or its own name when only one type has
  /// it) or the overloads of a free function. Empty when nothing has that name.
  public func lookup(_ name: String) -> [APIDeclaration] {
    let wanted = name.lowercased()
    if let type = types.first(where: { $0.qualifiedName.lowercased() == wanted }) { return [type] }
    let byOwnName = types.filter { $0.name.lowercased() == wanted }
    if byOwnName.count == 1 { return byOwnName }
    return freeDeclarations.filter { $0.name.lowercased() == wanted }
  }

  /// A type's members from every file and extension, those of the type's own file first, each signature
  /// once (with the doc comment, where the requirement and its default implementation are both public).
  public func members(of type: APIDeclaration) -> [APIDeclaration] {
    var members: [APIDeclaration] = []
    let declarations =
      declarations.filter { $0.file == type.file } + declarations.filter { $0.file != type.file }
    for member in declarations where member.owner == type.qualifiedName {
      if let index = members.firstIndex(where: { $0.signature == member.signature }) {
        if members[index].documentation.isEmpty { members[index].documentation = member.documentation }
      } else {
        members.append(member)
      }
    }
    return members
  }

  /// The types that have a member called name, for a learner who asked for a method by its name.
  public func owners(ofMember name: String) -> [String] {
    let wanted = name.lowercased()
    var seen = Set<String>()
    return declarations.filter { $0.owner != nil && !$0.kind.isType && $0.name.lowercased() == wanted }
      .compactMap(\.owner)
      .filter { owner in types.contains { $0.qualifiedName == owner } && seen.insert(owner).inserted }
  }
}
