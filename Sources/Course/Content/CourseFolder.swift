import Foundation
import Grader

/// Where the course is: the folder holding Lessons/, Exercises/ and Package.swift. Found the same way
/// whether the learner types `swift run cachelings` in it, runs the built binary from anywhere through
/// an alias or a link, or runs a copy that `swift package experimental-install` put in ~/.swiftpm/bin.
public enum CourseFolder {
  /// The checkout this code was compiled from, which an installed copy of the binary still names.
  public static let builtFrom: String = {
    var folder = #filePath
    for _ in 0..<4 { folder = (folder as NSString).deletingLastPathComponent }
    return folder
  }()

  /// CACHELINGS_COURSE; else the nearest course folder up from currentFolder; else the package whose
  /// SwiftPM build folder holds executable (`.build/release/cachelings`); else builtFrom, when it is
  /// still a course; else currentFolder, where loading the content then says what is missing.
  public static func find(
    environment: [String: String], currentFolder: String, executable: String, builtFrom: String = builtFrom
  ) -> String {
    if let given = environment["CACHELINGS_COURSE"], !given.isEmpty { return given }
    if let found = nearest(from: currentFolder) { return found }
    if let package = package(building: executable), isCourse(package) { return package }
    if isCourse(builtFrom) { return builtFrom }
    return currentFolder
  }

  /// The first course folder at folder or above it.
  static func nearest(from folder: String) -> String? {
    var folder = folder
    while true {
      if isCourse(folder) { return folder }
      let parent = (folder as NSString).deletingLastPathComponent
      if parent == folder || parent.isEmpty { return nil }
      folder = parent
    }
  }

  /// The package folder of a product in a SwiftPM build folder: /x for /x/.build/debug/cachelings or
  /// /x/.build/x86_64-unknown-linux-gnu/release/cachelings; nil elsewhere.
  public static func package(building product: String) -> String? {
    guard let range = product.range(of: "/.build/", options: .backwards) else { return nil }
    return String(product[..<range.lowerBound])
  }

  public static func isCourse(_ folder: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: folder + "/Lessons", isDirectory: &isDirectory)
      && isDirectory.boolValue && FileManager.default.fileExists(atPath: folder + "/Package.swift")
  }
}
