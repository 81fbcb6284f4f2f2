import Foundation
import Testing

@testable import Course
@testable import Grader

/// The reference `cachelings docs` prints is read from doc comments: what is public, who owns it and
/// what its doc says must come out of Swift source the way the compiler would see it.
struct APIReferenceTests {
  static let source = #"""
    import Foundation

    /// A shop's stock.
    ///
    /// Kept in memory.
    public final class Stock: Sendable {
      /// Items by name; a "{" in a comment } is no brace.
      public let items: [String: Int]
      let hidden = "public func notAMember() {"
      private var secret = 0

      /// Makes a stock.
      public init(items: [String: Int] = [:]) {
        self.items = items
        let text = "\(items.count) items } {"
        _ = text
      }

      /// How many of name are left;
      /// zero when unknown.
      @discardableResult
      public func count(
        of name: String,
        default fallback: Int = 0
      ) throws
        -> Int
      {
        items[name] ?? fallback
      }

      /* public func commented() {} */

      /// Why a count failed.
      public enum Failure: Error {
        /// Nothing by that name.
        case unknown(String)
        case closed, moved
      }
    }

    /// Where stock comes from.
    public protocol Supplier {
      /// The supplier's name.
      var name: String { get }
      /// Sends count of name.
      func send(_ name: String, count: Int) throws
    }

    extension Stock {
      /// Whether anything is left.
      public var isEmpty: Bool { items.isEmpty }
      func internalHelper() {}
    }

    struct Internal {
      public func invisible() {}
    }

    /// Restocks from a supplier.
    public func restock(_ stock: Stock, from supplier: any Supplier) {}

    public static let multiline = """
      public func inAString() {}
      """
    """#

  let declarations = DeclarationScanner(module: "ShopKit").scan(Self.source)

  func named(_ name: String, owner: String? = nil) -> APIDeclaration? {
    declarations.first { $0.name == name && $0.owner == owner }
  }

  @Test func publicDeclarationsAreFoundWithTheirDocCommentsAndOwners() throws {
    let stock = try #require(named("Stock"))
    #expect(stock.kind == .class)
    #expect(stock.signature == "final class Stock: Sendable")
    #expect(stock.documentation == "A shop's stock.\n\nKept in memory.")
    #expect(stock.summary == "A shop's stock.")

    let items = try #require(named("items", owner: "Stock"))
    #expect(items.signature == "let items: [String: Int]")
    #expect(items.documentation == "Items by name; a \"{\" in a comment } is no brace.")

    let initializer = try #require(named("init", owner: "Stock"))
    #expect(initializer.signature == "init(items: [String: Int] = [:])")

    let count = try #require(named("count", owner: "Stock"))
    #expect(count.signature == "func count(of name: String, default fallback: Int = 0) throws -> Int")
    #expect(count.documentation == "How many of name are left;\nzero when unknown.")

    #expect(named("isEmpty", owner: "Stock")?.signature == "var isEmpty: Bool", "members of extensions")
    #expect(named("restock")?.owner == nil)
  }

  @Test func nestedTypesEnumCasesAndProtocolRequirementsArePublicWithoutSayingSo() throws {
    let failure = try #require(named("Failure", owner: "Stock"))
    #expect(failure.qualifiedName == "Stock.Failure")
    #expect(named("unknown", owner: "Stock.Failure")?.documentation == "Nothing by that name.")
    #expect(named("closed", owner: "Stock.Failure")?.signature == "case closed, moved")
    #expect(named("name", owner: "Supplier")?.signature == "var name: String")
    #expect(named("send", owner: "Supplier")?.documentation == "Sends count of name.")
  }

  @Test func internalPrivateCommentedAndQuotedDeclarationsAreLeftOut() {
    let names = Set(declarations.map(\.name))
    for hidden in [
      "hidden", "secret", "internalHelper", "Internal", "invisible", "notAMember", "commented", "inAString",
    ] {
      #expect(!names.contains(hidden), "\(hidden) is not public API")
    }
  }

  @Test func theCoursesReferenceCoversWhatExercisesUse() throws {
    let reference = try APIReference.load(root: EndToEndTests.courseRoot)
    let database = try #require(reference.lookup("slowdatabase").first, "names ignore case")
    #expect(database.module == "ExerciseKit")
    let members = reference.members(of: database)
    #expect(members.contains { $0.name == "user" && $0.documentation == "One member by id." })
    #expect(members.contains { $0.name == "queryCount" && !$0.documentation.isEmpty })
    #expect(members.first?.name == "latencyMilliseconds", "the type's own file comes before its extensions")

    let cache = try #require(reference.lookup("Cache").first)
    let api = reference.members(of: cache)
    for method in ["get", "set", "getOrSet", "add", "incrVersion", "deleteMany"] {
      #expect(api.contains { $0.name == method }, "Cache.\(method)")
    }
    #expect(
      Set(api.map(\.signature)).count == api.count,
      "a requirement and its default implementation are listed once")
    #expect(reference.lookup("NotFound").first?.qualifiedName == "SlowDatabase.NotFound")
    #expect(reference.owners(ofMember: "getOrSet") == ["Cache"])
    #expect(
      reference.lookup("cachePage").allSatisfy { $0.kind == .func } && !reference.lookup("cachePage").isEmpty)

    // Every ExerciseKit declaration the checks may name is in the reference.
    let exerciseKit = try #require(CheckModule.declarations.first { $0.module == "ExerciseKit" })
    for declaration in exerciseKit.declarations {
      let name = String(declaration.split(separator: " ").last ?? "")
      #expect(!reference.lookup(name).isEmpty, "\(declaration) is in the reference")
    }
  }

  @Test func aMissingSourcesFolderIsNamed() {
    #expect(throws: APIReference.MissingSources.self) {
      try APIReference.load(root: NSTemporaryDirectory() + "no-course-\(UUID().uuidString)")
    }
  }
}
