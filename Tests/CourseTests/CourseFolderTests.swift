import Foundation
import TestSupport
import Testing

@testable import Course
@testable import Grader

/// `cachelings` typed anywhere finds its course: through CACHELINGS_COURSE, the folder it is run in, the
/// build folder it lives in (an alias or a link), or the checkout it was built from (an installed copy).
@Suite(.serialized) struct CourseFolderTests {
  let scratch = NSTemporaryDirectory() + "cachelings-folder-\(UUID().uuidString)"

  /// A folder that looks like a course: Lessons/ and Package.swift.
  func makeCourse(_ name: String) throws -> String {
    let folder = scratch + "/" + name
    try FileManager.default.createDirectory(atPath: folder + "/Lessons", withIntermediateDirectories: true)
    try Data().write(to: URL(fileURLWithPath: folder + "/Package.swift"))
    return folder
  }

  func makeFolder(_ path: String) throws -> String {
    try FileManager.default.createDirectory(atPath: scratch + "/" + path, withIntermediateDirectories: true)
    return scratch + "/" + path
  }

  @Test func theCourseIsFoundFromTheEnvironmentTheFolderTheBuildOrTheCheckout() throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let course = try makeCourse("course")
    let other = try makeCourse("other")
    let elsewhere = try makeFolder("home/projects")
    let installed = scratch + "/home/.swiftpm/bin/cachelings"

    // Inside a course, at any depth, that course.
    #expect(
      CourseFolder.find(
        environment: [:], currentFolder: course + "/Lessons", executable: installed, builtFrom: other)
        == course)
    // Elsewhere, the package whose build folder holds the binary (an alias or a link to it).
    #expect(
      CourseFolder.find(
        environment: [:], currentFolder: elsewhere,
        executable: course + "/.build/x86_64-unknown-linux-gnu/release/cachelings", builtFrom: other)
        == course)
    // An installed copy outside any build folder: the checkout it was built from.
    #expect(
      CourseFolder.find(environment: [:], currentFolder: elsewhere, executable: installed, builtFrom: other)
        == other)
    // CACHELINGS_COURSE wins over everything.
    #expect(
      CourseFolder.find(
        environment: ["CACHELINGS_COURSE": other], currentFolder: course, executable: installed,
        builtFrom: course)
        == other)
    // Nothing found: the current folder, where loading the content then says what is missing.
    #expect(
      CourseFolder.find(
        environment: [:], currentFolder: elsewhere, executable: installed, builtFrom: scratch + "/gone")
        == elsewhere)
  }

  @Test func aBuildFolderNamesItsPackage() {
    #expect(CourseFolder.package(building: "/x/course/.build/debug/cachelings") == "/x/course")
    #expect(
      CourseFolder.package(building: "/x/course/.build/x86_64-unknown-linux-gnu/release/cachelings")
        == "/x/course")
    #expect(CourseFolder.package(building: "/home/ada/.swiftpm/bin/cachelings") == nil)
  }

  @Test func anInstalledCopyGradesWithTheCoursesReleaseBuild() throws {
    let environment = ["CACHELINGS_SWIFTC": "/bin/sh"]
    let installed = try Toolchain.locate(
      environment: environment, executable: "/home/ada/.swiftpm/bin/cachelings", course: "/c")
    #expect(installed.runtime == "/c/.build/release")
    #expect(installed.runtimeBuildArguments(packageRoot: "/c") == nil, "no Package.swift at /c")
    let built = try Toolchain.locate(
      environment: environment, executable: "/c/.build/debug/cachelings", course: "/c")
    #expect(built.runtime == "/c/.build/debug")
    let chosen = try Toolchain.locate(
      environment: environment.merging(["CACHELINGS_RUNTIME": "/opt/runtime"]) { $1 },
      executable: "/home/ada/.swiftpm/bin/cachelings", course: "/c")
    #expect(chosen.runtime == "/opt/runtime")
  }

  /// The built binary copied out of the build (as `swift package experimental-install` copies it to
  /// ~/.swiftpm/bin) and linked from a bin folder, each run from a folder outside the course with no
  /// CACHELINGS_COURSE, lists the course and suggests commands as `cachelings`.
  @Test(arguments: ["copied", "linked"])
  func cachelingsTypedAnywhereFindsTheCourse(how: String) throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let built = try #require(BuiltProducts.executable("cachelings"), "cachelings is built beside the tests")
    let bin = try makeFolder("home/bin")
    let elsewhere = try makeFolder("home/notes")
    if how == "copied" {
      try FileManager.default.copyItem(atPath: built, toPath: bin + "/cachelings")
    } else {
      try FileManager.default.createSymbolicLink(atPath: bin + "/cachelings", withDestinationPath: built)
    }
    let environment = [
      "PATH": bin + ":/usr/bin:/bin", "HOME": scratch + "/home",
      "CACHELINGS_WORKSPACE": scratch + "/workspace",
      "NO_COLOR": "1",
    ]
    let listed = try ProgramRun.run(
      "/bin/sh", ["-c", "cachelings list"], environment: environment, directory: elsewhere)
    #expect(listed.status == 0, "\(listed.errors)")
    #expect(listed.output.contains("Why caching matters"), "\(listed.output.prefix(400))")
    #expect(listed.errors.isEmpty, "the course's files were all found: \(listed.errors)")
    let greeting = try ProgramRun.run(
      "/bin/sh", ["-c", "cachelings"], environment: environment, directory: elsewhere)
    #expect(greeting.output.contains("`cachelings list`"), "typed as cachelings, suggested as cachelings")
    #expect(!greeting.output.contains("swift run"))
  }
}
