import Foundation

/// The executables built beside the test bundle, such as `cachelings`, for tests that run them.
public enum BuiltProducts {
  /// The folder holding the test bundle and the package's executables.
  public static var folder: String {
    let executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    var folder = (executable as NSString).deletingLastPathComponent
    if folder.hasSuffix(".xctest/Contents/MacOS") {
      folder = ((folder as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
      folder = (folder as NSString).deletingLastPathComponent
    }
    return folder
  }

  /// The path of a built executable, or nil when it was not built.
  public static func executable(_ name: String) -> String? {
    let path = folder + "/" + name
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }
}
