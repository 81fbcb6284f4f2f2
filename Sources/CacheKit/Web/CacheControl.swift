/// The value of one Cache-Control directive, as Django's `patch_cache_control` keyword arguments give
/// them: `true` for a bare directive (`public`), a number or text for `name=value`.
public enum CacheControlValue: Sendable, Equatable, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByStringLiteral
{
  /// A bare directive, such as `no-store` (Python's `True`).
  case flag
  case int(Int)
  case text(String)

  /// `true` is a bare directive; `false` is written `=False`, as Python's `str(False)` would be.
  public init(booleanLiteral value: Bool) { self = value ? .flag : .text("False") }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(stringLiteral value: String) { self = .text(value) }

  func rendered(_ directive: String) -> String {
    switch self {
    case .flag: directive
    case .int(let number): "\(directive)=\(number)"
    case .text(let text): "\(directive)=\(text)"
    }
  }
}

extension Response {
  /// Django's `patch_cache_control`: adds `directives` to Cache-Control (names may use `_` for `-`).
  ///
  /// Existing directives keep their place; `no-cache` collects field names unless a bare `no-cache`
  /// is there; a new `max-age` never raises an existing one (the smaller wins); `public` removes
  /// `private` and the other way round.
  public mutating func patchCacheControl(_ directives: KeyValuePairs<String, CacheControlValue>) {
    patchCacheControl(directives.map { ($0.key, $0.value) })
  }

  /// `patchCacheControl` with the directives as an array of pairs.
  public mutating func patchCacheControl(_ directives: [(String, CacheControlValue)]) {
    var control = CacheControlDirectives()
    if let existing = headers["Cache-Control"], !existing.isEmpty {
      for field in HeaderList.split(existing) {
        let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].lowercased()
        control.set(name, parts.count > 1 ? .text(String(parts[1])) : .flag)
      }
    }
    var requested = directives.map { (name: $0.0, value: $0.1) }
    let names = Set(requested.map(\.name))
    if let maxAgeIndex = requested.firstIndex(where: { $0.name == "max_age" }),
      case .int(let wanted) = requested[maxAgeIndex].value, let current = control.value("max-age")
    {
      let currentSeconds: Int? =
        switch current {
        case .flag: 1
        case .int(let number): number
        case .text(let text): PythonInt.parse(text)
        }
      if let currentSeconds { requested[maxAgeIndex].value = .int(min(currentSeconds, wanted)) }
    }
    if control.value("private") != nil && names.contains("public") {
      control.remove("private")
    } else if control.value("public") != nil && names.contains("private") {
      control.remove("public")
    }
    for (name, value) in requested {
      control.set(String(name.map { $0 == "_" ? "-" : $0 }), value)
    }
    headers["Cache-Control"] = control.rendered
  }

  /// Django's `get_max_age`: the integer `max-age` of Cache-Control, or nil when there is none or it
  /// is no integer. A bare `max-age` counts as 1, as Python's `int(True)` does.
  public var maxAge: Int? {
    guard let control = headers["Cache-Control"] else { return nil }
    var value: String?? = nil
    for field in HeaderList.split(control) {
      let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      if parts[0].lowercased() == "max-age" { value = parts.count > 1 ? String(parts[1]) : .some(nil) }
    }
    switch value {
    case .none: return nil
    case .some(.none): return 1
    case .some(.some(let text)): return PythonInt.parse(text)
    }
  }
}

/// Cache-Control directives by name in the order first seen; `no-cache` keeps a set of values.
private struct CacheControlDirectives {
  private var entries: [(name: String, values: [CacheControlValue])] = []

  func value(_ name: String) -> CacheControlValue? {
    entries.first { $0.name == name }?.values.last
  }

  mutating func set(_ name: String, _ value: CacheControlValue) {
    if let index = entries.firstIndex(where: { $0.name == name }) {
      if name == "no-cache" {
        if !entries[index].values.contains(value) { entries[index].values.append(value) }
      } else {
        entries[index].values = [value]
      }
    } else {
      entries.append((name, [value]))
    }
  }

  mutating func remove(_ name: String) { entries.removeAll { $0.name == name } }

  var rendered: String {
    var directives: [String] = []
    for (name, values) in entries {
      if values.contains(.flag) {
        directives.append(name)
      } else {
        directives += values.map { $0.rendered(name) }
      }
    }
    return directives.joined(separator: ", ")
  }
}
