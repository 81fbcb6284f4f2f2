import Foundation

/// An exercise's checks: checks.swift, which declares `exerciseChecks`, and any checks+<What>.swift
/// beside it, named for what it holds (as Swift's Type+Extension.swift is). All are compiled together
/// as module Checks, so a long set of checks can be split by concept.
public enum CheckFiles {
  /// The file that declares `exerciseChecks`.
  public static let main = "checks.swift"

  /// Whether name is a further checks file: checks+<What>.swift, with a What.
  public static func isPart(_ name: String) -> Bool {
    name.hasPrefix("checks+") && name.hasSuffix(".swift") && name.count > "checks+.swift".count
  }

  /// The checks files of the exercise in folder: checks.swift first, then the checks+ files by name.
  public static func paths(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return [folder + "/" + main] + names.filter(isPart).sorted().map { folder + "/" + $0 }
  }
}
