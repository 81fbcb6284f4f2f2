#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How typed values become the bytes a cache stores.
///
/// Bytes are stored as they are, text as UTF-8, integers as decimal text (so that `incr`, Redis's
/// INCRBY and memcached's incr work on them), and any other Codable value as JSON.
public enum CacheValueCodec {
  public static func encode<V: Encodable>(_ value: V) throws -> [UInt8] {
    switch value {
    case let bytes as [UInt8]: return bytes
    case let text as String: return Array(text.utf8)
    case let text as Substring: return Array(text.utf8)
    case let integer as any BinaryInteger: return Array(String(describing: integer).utf8)
    default:
      do {
        return Array(try JSONEncoder().encode(value))
      } catch {
        throw CacheError.encodingFailed("\(error)")
      }
    }
  }

  public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], key: String) throws -> T {
    func failure(_ reason: String) -> CacheError {
      .decodingFailed(key: key, type: String(describing: type), reason: reason)
    }
    if let bytes = bytes as? T { return bytes }
    if T.self == String.self {
      guard let text = String(validating: bytes, as: UTF8.self) else { throw failure("not UTF-8 text") }
      return text as! T
    }
    if let integerType = T.self as? any FixedWidthInteger.Type {
      guard let integer = parseInteger(integerType, bytes) else { throw failure("not a decimal integer") }
      return integer as! T
    }
    do {
      return try JSONDecoder().decode(T.self, from: Data(bytes))
    } catch {
      throw failure("\(error)")
    }
  }

  /// Decimal text, with surrounding spaces allowed as Python's int() allows them: memcached pads a
  /// counter that shrank with spaces rather than shortening it.
  private static func parseInteger<I: FixedWidthInteger>(_ type: I.Type, _ bytes: [UInt8]) -> I? {
    let digits = bytes.drop { $0 == 32 }.reversed().drop { $0 == 32 }.reversed()
    guard let text = String(validating: Array(digits), as: UTF8.self) else { return nil }
    return I(text, radix: 10)
  }
}
