import CacheKit
import Foundation

/// A cache key for work derived from several inputs: the MD5 of each part with its length in front, so
/// that no two different lists of parts give the same key.
enum ContentKey {
  static func of(_ parts: [Data]) -> String {
    var hash = MD5()
    for part in parts {
      hash.update(Array(String(part.count).utf8) + [0])
      hash.update(part)
    }
    return MD5.hex(hash.finalize())
  }
}
