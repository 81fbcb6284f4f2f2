import Foundation

/// Files a graded program must not change, such as the exercise's checks: read before the run and
/// compared after it, and put back if the program changed them, so the next grade compiles the checks
/// the course ships. A checks+ file the program adds to a checks folder is removed, since the next
/// grade would compile it with the checks. (Where the kernel allows, the program cannot write there at
/// all; this is the check that holds everywhere.)
struct ProtectedFiles {
  private var saved: [(path: String, bytes: Data?)]
  /// Folders holding checks, where no new checks file may appear.
  private var checkFolders: [String]

  init(_ paths: [String], checkFolders: [String] = []) {
    self.checkFolders = checkFolders.uniqued()
    var all = paths
    for path in self.checkFolders.flatMap(CheckFiles.paths(in:)) where !all.contains(path) {
      all.append(path)
    }
    saved = all.map { ($0, FileManager.default.contents(atPath: $0)) }
  }

  /// Puts back every file that changed since init, removes checks files added since, and returns
  /// their paths.
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
    for path in checkFolders.flatMap(CheckFiles.paths(in:)) where !saved.contains(where: { $0.path == path })
    {
      changed.append(path)
      try? FileManager.default.removeItem(atPath: path)
    }
    return changed
  }
}
