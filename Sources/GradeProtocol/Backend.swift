/// The four cache backends a solution is graded on.
public enum Backend: String, Sendable, Codable, CaseIterable, Hashable {
  case memory, file, redis, memcached

  /// Whether the backend is a server in another process, reached over the network.
  public var isServer: Bool { self == .redis || self == .memcached }
}
