import CacheKit
import ExerciseKit

/// Stores `value` under `key` in chunks of at most `chunkSize` bytes, so that it fits memcached's
/// item size on every backend. Returns false, and stores nothing, for a value over `maxValueSize`.
///
/// Right now it stores the whole value as one item: memcached refuses anything over 1 MB, and a
/// huge value is accepted however big it is.
func setLarge(
  _ key: String, _ value: [UInt8], cache: any Cache,
  timeout: CacheTimeout = .default
) throws -> Bool {
  try cache.set(key, value, timeout: timeout)
  return true
}

/// The whole value stored under `key` by `setLarge`, or nil: never part of one.
func getLarge(_ key: String, cache: any Cache) throws -> [UInt8]? {
  try cache.get(key, as: [UInt8].self)
}
