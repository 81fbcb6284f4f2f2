/// Reads one alias's JSON object into `CacheSettings`, naming the field of every mistake.
struct SettingsReader {
  static let fields: Set<String> = ["BACKEND", "LOCATION", "TIMEOUT", "KEY_PREFIX", "VERSION", "OPTIONS"]
  static let optionFields: Set<String> = ["MAX_ENTRIES", "CULL_FREQUENCY"]

  let alias: String

  func read(_ entry: JSONValue) throws -> CacheSettings {
    guard case .object(let fields) = entry else {
      throw error(nil, "expected an object with BACKEND and LOCATION, found \(entry.kind)")
    }
    if let unknown = fields.keys.sorted().first(where: { !Self.fields.contains($0) }) {
      throw error(unknown, "unknown field (known: \(Self.fields.sorted().joined(separator: ", ")))")
    }
    guard let backendName = fields["BACKEND"] else { throw error("BACKEND", "missing") }
    guard case .string(let name) = backendName, let backend = CacheBackendKind(configurationName: name) else {
      let known = CacheBackendKind.allCases.map(\.rawValue).joined(separator: ", ")
      throw error("BACKEND", "must be one of \(known), or Django's dotted path for them")
    }
    var settings = CacheSettings(backend: backend)
    if let location = fields["LOCATION"] { settings.location = try self.location(location) }
    if let timeout = fields["TIMEOUT"] { settings.timeout = try self.timeout(timeout) }
    if let prefix = fields["KEY_PREFIX"] { settings.keyPrefix = try string(prefix, "KEY_PREFIX") }
    if let version = fields["VERSION"] { settings.version = try integer(version, "VERSION") }
    if let options = fields["OPTIONS"] {
      guard case .object(let values) = options else {
        throw error("OPTIONS", "expected an object, found \(options.kind)")
      }
      if let unknown = values.keys.sorted().first(where: { !Self.optionFields.contains($0) }) {
        throw error("OPTIONS." + unknown, "unknown option (known: MAX_ENTRIES, CULL_FREQUENCY)")
      }
      if let value = values["MAX_ENTRIES"] { settings.maxEntries = try integer(value, "OPTIONS.MAX_ENTRIES") }
      if let value = values["CULL_FREQUENCY"] {
        settings.cullFrequency = try integer(value, "OPTIONS.CULL_FREQUENCY")
      }
    }
    return settings
  }

  private func timeout(_ value: JSONValue) throws -> CacheTimeout {
    switch value {
    case .null: return .never
    case .number(let seconds) where seconds.isFinite: return .seconds(seconds)
    default: throw error("TIMEOUT", "must be a number of seconds or null (never expire), found \(value.kind)")
    }
  }

  /// A string, or (as Django allows for memcached and Redis) a list of strings, kept joined by `;`.
  private func location(_ value: JSONValue) throws -> String {
    if case .array(let entries) = value {
      return try entries.map { try string($0, "LOCATION") }.joined(separator: ";")
    }
    return try string(value, "LOCATION")
  }

  private func string(_ value: JSONValue, _ field: String) throws -> String {
    guard case .string(let text) = value else { throw error(field, "must be a string, found \(value.kind)") }
    return text
  }

  private func integer(_ value: JSONValue, _ field: String) throws -> Int {
    guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e15 else {
      throw error(field, "must be a whole number, found \(value.kind)")
    }
    return Int(number)
  }

  private func error(_ field: String?, _ message: String) -> ConfigurationError {
    ConfigurationError(alias: alias, field: field, message: message)
  }
}
