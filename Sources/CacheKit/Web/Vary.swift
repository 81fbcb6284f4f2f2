extension Response {
  /// Django's `patch_vary_headers`: adds `names` to Vary unless already there (names compare without
  /// case), keeping the existing order; when `*` is among them, Vary becomes just `*`.
  public mutating func patchVaryHeaders(_ names: [String]) {
    var vary = headers["Vary"].map(HeaderList.split) ?? []
    let existing = Set(vary.map { $0.lowercased() })
    vary += names.filter { !existing.contains($0.lowercased()) }
    headers["Vary"] = vary.contains("*") ? "*" : vary.joined(separator: ", ")
  }

  /// Django's `has_vary_header`: whether Vary names `name` (without case, around white space).
  public func hasVaryHeader(_ name: String) -> Bool {
    guard let vary = headers["Vary"] else { return false }
    let wanted = name.lowercased().trimmingCharacters(while: \.isWhitespace)
    return HeaderList.split(vary).contains {
      $0.lowercased().trimmingCharacters(while: \.isWhitespace) == wanted
    }
  }
}
