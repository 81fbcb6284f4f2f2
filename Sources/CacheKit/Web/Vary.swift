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

  /// Django's `patch_response_headers`: Expires (unless set) `timeout` seconds after `now`, and
  /// `max-age=timeout` in Cache-Control (a smaller existing one stays). A negative timeout counts as 0.
  public mutating func patchResponseHeaders(timeout: Int, now: Double) {
    let seconds = Swift.max(timeout, 0)
    if !headers.contains("Expires") {
      headers["Expires"] = HTTPDate.format(now + Double(seconds))
    }
    patchCacheControl(["max_age": .int(seconds)])
  }

  /// Django's `add_never_cache_headers`: Expires now (unless set) and
  /// `max-age=0, no-cache, no-store, must-revalidate, private`.
  public mutating func addNeverCacheHeaders(now: Double) {
    patchResponseHeaders(timeout: -1, now: now)
    patchCacheControl(["no_cache": true, "no_store": true, "must_revalidate": true, "private": true])
  }
}
