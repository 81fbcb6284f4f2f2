import Foundation

extension Backend {
  /// The backends named in a comma-separated list such as `memory, redis`, each once and in order; or
  /// the first name that is no backend.
  public static func list(parsing text: String) -> Result<[Backend], UnknownBackend> {
    var backends: [Backend] = []
    for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      guard let backend = Backend(rawValue: name) else { return .failure(UnknownBackend(name: name)) }
      if !backends.contains(backend) { backends.append(backend) }
    }
    return .success(backends)
  }

  /// The backend's place in the course's order: memory, file, redis, memcached.
  public var order: Int { Backend.allCases.firstIndex(of: self)! }

  /// Every backend's name, for messages: "memory, file, redis, memcached".
  public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A name in a backend list that is none of the backends.
public struct UnknownBackend: Error {
  public let name: String
}
