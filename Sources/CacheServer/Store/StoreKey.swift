/// A key as the wire carries it: bytes, hashed in one pass over contiguous memory.
public struct StoreKey: Hashable, Sendable {
  public let bytes: [UInt8]

  public init(_ bytes: [UInt8]) { self.bytes = bytes }

  public static func == (left: StoreKey, right: StoreKey) -> Bool { left.bytes == right.bytes }

  public func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }
}
