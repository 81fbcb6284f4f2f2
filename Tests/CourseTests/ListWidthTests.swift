import Foundation
import Terminal
import TestSupport
import Testing

@testable import Course

/// `list` at the terminal's width, and whole into a pipe.
@Suite struct ListWidthTests {
  let workspace = NSTemporaryDirectory() + "cachelings-list-\(UUID().uuidString)"

  var environment: [String: String] { LearnerEnvironment.make(workspace: workspace) }

  @Test func atSixtyColumnsNoLineIsWiderAndNoWordIsBroken() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let terminal = try PseudoTerminal(
      executable: binary, arguments: ["list"], environment: environment, columns: 60, rows: 24)
    #expect(terminal.wait() == 0)
    let lines = terminal.text.split(separator: "\n").map(String.init)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 }, "\(lines.filter { DisplayWidth.of($0) > 60 })")
    let words = Set(lines.flatMap { $0.split(separator: " ").map(String.init) })
    let content = CourseContent.load(root: EndToEndTests.courseRoot)
    for exercise in content.exercises {
      for word in exercise.title.split(separator: " ") {
        #expect(words.contains(String(word)), "'\(word)' of exercise \(exercise.number) is whole on a line")
      }
    }
  }

  @Test func intoAPipeEachEntryStaysOnOneLine() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let (status, output, _) = try ProgramRun.run(binary, ["list"], environment: environment)
    #expect(status == 0)
    let content = CourseContent.load(root: EndToEndTests.courseRoot)
    for exercise in content.exercises {
      #expect(
        output.split(separator: "\n").contains { $0.contains(exercise.title) && $0.contains("not started") },
        "exercise \(exercise.number) is one line, its status included")
    }
  }
}
