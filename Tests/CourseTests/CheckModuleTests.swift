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
    #expect(CheckModule.preamble.contains("import func ExerciseKit.expect\n"))
    #expect(CheckModule.preamble.hasPrefix("@testable import Solution\n"))
  }
}
