import Foundation
import Testing

@testable import Grader

/// The Checks module imports every public top-level declaration of ExerciseKit and GradeProtocol by name; one left out
/// could be stood in for by a learner's declaration of the same name.
@Suite struct CheckModuleTests {
  @Test(arguments: CheckModule.declarations.map(\.module))
  func everyPublicTopLevelDeclarationIsImportedByName(module: String) throws {
    let folder = EndToEndTests.courseRoot + "/Sources/" + module
    var declared: Set<String> = []
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".swift") {
      for line in try String(contentsOfFile: folder + "/" + name, encoding: .utf8).split(separator: "\n") {
        let words = line.split(separator: " ").map(String.init)
        guard line.hasPrefix("public "), words.count > 2 else { continue }
        var kind = words[1]
        var rest = words.dropFirst(2)
        if kind == "final" {
          kind = rest.removeFirst()
        }
        guard ["struct", "enum", "class", "func", "protocol"].contains(kind), let name = rest.first else {
          continue
        }
        declared.insert(kind + " " + String(name.prefix { $0.isLetter || $0.isNumber }))
      }
    }
    let listed = CheckModule.declarations.first { $0.module == module }?.declarations ?? []
    #expect(Set(listed) == declared)
    let preamble = CheckModule.preamble(solution: ["func topPosts", "struct Dashboard"])
    #expect(preamble.contains("import func ExerciseKit.expect\n"))
    #expect(
      preamble.hasPrefix(
        "@testable import func Solution.topPosts\n@testable import struct Solution.Dashboard\n"))
    #expect(!preamble.contains("import Solution\n"), "never the whole learner's module")
  }

  @Test func theSolutionsInterfaceIsTheStartersTopLevelDeclarations() {
    let starter = """
      import CacheKit

      /// The dashboard.
      func dashboard(for userID: Int) throws -> Dashboard { fatalError() }
      func dashboard(named: String) -> Dashboard? { nil }
      @MainActor public final class Counter {
        var count = 0
        func bump() {}
      }
      let maxEntries = 300
      func == (a: Dashboard, b: Dashboard) -> Bool { true }
      extension Dashboard {}
      """
    #expect(
      SolutionInterface.declarations(in: starter) == [
        "func dashboard", "class Counter", "var maxEntries",
      ])
  }
}
