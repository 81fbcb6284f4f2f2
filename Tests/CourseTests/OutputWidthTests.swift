import Foundation
import Terminal
import TestSupport
import Testing

@testable import Course

/// Output at the terminal's width, and whole into a pipe: `list`, and an error.
@Suite struct OutputWidthTests {
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

  @Test func atSixtyColumnsAnErrorBreaksNoWord() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let terminal = try PseudoTerminal(
      executable: binary, arguments: ["learn", "no-such-lesson"], environment: environment, columns: 60,
      rows: 24)
    #expect(terminal.wait() == 2)
    let lines = terminal.text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 }, "\(lines.filter { DisplayWidth.of($0) > 60 })")
    #expect(lines.count == 2, "the 75-column message takes two lines: \(lines)")
    let words = lines.flatMap { $0.split(separator: " ").map(String.init) }
    #expect(words.contains("shows"), "no word is cut at the edge: \(lines)")
  }

  @Test func intoAPipeAnErrorIsOneLine() throws {
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let (status, _, error) = try ProgramRun.run(
      binary, ["learn", "no-such-lesson"], environment: environment)
    #expect(status == 2)
    #expect(
      error == "cachelings: there is no lesson 'no-such-lesson'; `cachelings list` shows them all\n")
  }
}
