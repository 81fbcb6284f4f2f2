import Foundation
import TestSupport
import Testing

@testable import Course
@testable import Terminal

/// `cachelings docs`: the index and every page fit the terminal, a type is found by any case or by a
/// member's name, and a wrong name gets a did-you-mean.
@Suite(.serialized) struct DocsCommandTests {
  let workspace = NSTemporaryDirectory() + "cachelings-docs-\(UUID().uuidString)"

  func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let binary = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    return try ProgramRun.run(
      binary, arguments,
      environment: [
        "CACHELINGS_COURSE": EndToEndTests.courseRoot, "CACHELINGS_WORKSPACE": workspace,
        "PATH": "/usr/bin:/bin",
        "COLUMNS": "60",
      ])
  }

  @Test(arguments: [60, 100])
  func everyPageFitsTheWidthWithNoWordCut(width: Int) throws {
    let reference = try APIReference.load(root: EndToEndTests.courseRoot)
    let view = DocsView(console: Console(theme: .plain, width: width, isInteractive: false, write: { _ in }))
    var pages = [("index", view.index(reference, program: "cachelings"))]
    for name in reference.names { pages.append((name, view.page(reference.lookup(name), in: reference))) }
    for (name, lines) in pages {
      for line in lines {
        #expect(DisplayWidth.of(line) <= width, "\(name) at \(width): \(line)")
        #expect(!line.hasSuffix("…"), "\(name) at \(width) cut a line: \(line)")
      }
    }
  }

  @Test func aTypeIsShownWithItsMembersAndDocs() throws {
    let (status, output, errors) = try run(["docs", "slowdatabase"])
    #expect(status == 0 && errors.isEmpty)
    #expect(output.hasPrefix("SlowDatabase\n"))
    #expect(output.contains("var queryCount: Int"))
    #expect(output.contains("How many read queries ran"))
    #expect(!output.contains("\u{1B}"), "no escape codes in a pipe")
    #expect(output.split(separator: "\n").allSatisfy { $0.count <= 60 }, "wrapped to COLUMNS")
  }

  @Test func theIndexListsBothModules() throws {
    let (status, output, _) = try run(["docs"])
    #expect(status == 0)
    #expect(output.contains("CacheKit") && output.contains("ExerciseKit"))
    #expect(output.contains("SlowDatabase (class): A simulated database"))
  }

  @Test func aMemberNameShowsItsType() throws {
    let (status, output, _) = try run(["docs", "getOrSet"])
    #expect(status == 0)
    #expect(output.hasPrefix("Cache\n"))
  }

  @Test func aWrongNameGetsADidYouMean() throws {
    let (status, output, errors) = try run(["docs", "SlowDatbase"])
    #expect(status == 2 && output.isEmpty)
    #expect(errors.contains("there is no type or function 'SlowDatbase'"))
    #expect(errors.contains("did you mean 'SlowDatabase'?"))
    let (shared, _, sharedErrors) = try run(["docs", "get"])
    #expect(shared == 2)
    #expect(sharedErrors.contains("'get' is a member of") && sharedErrors.contains("Cache"))
  }

  @Test func helpSaysWhereTheTextComesFrom() throws {
    let (status, output, _) = try run(["docs", "--help"])
    #expect(status == 0)
    #expect(output.contains("Usage: cachelings docs [NAME]"))
    #expect(output.contains("doc comments"))
  }
}
