import CacheKit
import ExerciseKit

/// An in-process cache that should hold at most `maxEntries` entries, culling the least recently
/// used when full, as Django's locmem does.
///
/// Right now it is a plain dictionary: it never culls, so it grows without bound and keeps what
/// locmem would have thrown away. Track when each entry was last used, and cull before storing.
final class LRUCache {
  let maxEntries: Int
  let cullFrequency: Int
  private var entries: [String: String] = [:]

  init(maxEntries: Int = 300, cullFrequency: Int = 3) {
    self.maxEntries = maxEntries
    self.cullFrequency = cullFrequency
  }

  var count: Int { entries.count }

  func get(_ key: String) -> String? {
    entries[key]
  }

  func set(_ key: String, _ value: String) {
    entries[key] = value
  }

  func add(_ key: String, _ value: String) -> Bool {
    if entries[key] != nil { return false }
    entries[key] = value
    return true
  }

  func hasKey(_ key: String) -> Bool {
    entries[key] != nil
  }

  func delete(_ key: String) -> Bool {
    entries.removeValue(forKey: key) != nil
  }
}
