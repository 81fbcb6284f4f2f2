import CacheKit
import ExerciseKit

/// An in-process cache with Django locmem's rules: at most `maxEntries` entries, and when full,
/// a cull of the `count / cullFrequency` least recently used before storing (all of them when
/// `cullFrequency` is 0). get, set and an add that stores are uses; hasKey is not.
final class LRUCache {
  let maxEntries: Int
  let cullFrequency: Int
  /// Each entry's value and the stamp of its last use; larger stamps are more recent.
  private var entries: [String: (value: String, lastUse: Int)] = [:]
  private var clock = 0

  init(maxEntries: Int = 300, cullFrequency: Int = 3) {
    self.maxEntries = maxEntries
    self.cullFrequency = cullFrequency
  }

  var count: Int { entries.count }

  func get(_ key: String) -> String? {
    guard let entry = entries[key] else { return nil }
    clock += 1
    entries[key] = (entry.value, clock)
    return entry.value
  }

  func set(_ key: String, _ value: String) {
    store(key, value)
  }

  func add(_ key: String, _ value: String) -> Bool {
    if entries[key] != nil { return false }
    store(key, value)
    return true
  }

  /// Only looks: not a use, so the entry keeps its place in line for the next cull.
  func hasKey(_ key: String) -> Bool {
    entries[key] != nil
  }

  func delete(_ key: String) -> Bool {
    entries.removeValue(forKey: key) != nil
  }

  /// locmem's `_set`: cull first when full (even when `key` is already here), then store as the
  /// most recent entry.
  private func store(_ key: String, _ value: String) {
    if entries.count >= maxEntries {
      if cullFrequency == 0 {
        entries.removeAll()
      } else {
        let oldest = entries.sorted { $0.value.lastUse < $1.value.lastUse }
        for (key, _) in oldest.prefix(entries.count / cullFrequency) {
          entries[key] = nil
        }
      }
    }
    clock += 1
    entries[key] = (value, clock)
  }
}
