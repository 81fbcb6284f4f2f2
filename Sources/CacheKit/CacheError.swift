/// What a cache operation can fail with.
public enum CacheError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `incr`, `decr` or `incrVersion` on a key that is missing or expired (Django's ValueError).
  case keyNotFound(String)
  /// `incr` or `decr` on a value that is not a decimal integer (Django's TypeError).
  case notAnInteger(String)
  /// `incr` or `decr` would overflow a 64-bit integer.
  case overflow(String)
  /// A key the backend refuses (memcached's rules: over 250 characters or a control/space character).
  case invalidKey(String)
  /// A stored value could not be decoded as the type asked for.
  case decodingFailed(key: String, type: String, reason: String)
  /// A value could not be encoded for storage.
  case encodingFailed(String)
  /// The backend's storage failed (a directory that cannot be written, a server that is down).
  case backendFailure(String)

  public var description: String {
    switch self {
    case .keyNotFound(let key): "Key '\(key)' not found"
    case .notAnInteger(let key): "The value of key '\(key)' is not an integer"
    case .overflow(let key): "Incrementing key '\(key)' would overflow a 64-bit integer"
    case .invalidKey(let message): message
    case .decodingFailed(let key, let type, let reason):
      "The value of key '\(key)' cannot be read as \(type): \(reason)"
    case .encodingFailed(let reason): "The value cannot be stored: \(reason)"
    case .backendFailure(let reason): reason
    }
  }
}
