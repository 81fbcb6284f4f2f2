import Foundation

/// Files a graded program must not change, such as the exercise's checks: read before the run and
/// compared after it, and put back if the program changed them, so the next grade compiles the checks
/// the course ships. (Where the kernel allows, the program cannot write there at all; this is the
/// check that holds everywhere.)
struct ProtectedFiles {
  private var saved: [(path: String, bytes: Data?)]

  init(_ paths: [String]) {
    saved = paths.map { ($0, FileManager.default.contents(atPath: $0)) }
  }

  /// Puts back every file that changed since init and returns their paths.
  func restoreChanged() -> [String] {
    var changed: [String] = []
    for (path, bytes) in saved where FileManager.default.contents(atPath: path) != bytes {
      changed.append(path)
      if let bytes {
        try? bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
      } else {
        try? FileManager.default.removeItem(atPath: path)
      }
    }
    return changed
  }
}
