import CacheKit
import ExerciseKit

/// Stores `value` under `key` in chunks of at most `chunkSize` bytes, so that it fits memcached's
/// item size on every backend. For a value over `maxValueSize` it returns false, stores nothing,
/// and deletes the out-of-date value under `key`, its chunks included.
///
/// Each write gets an id of its own, and its chunks live under keys holding that id. The key
/// itself holds the manifest, "<write id> <chunk count> <length>", written last: a reader only
/// ever follows a manifest whose chunks were all written before it, and a chunk of another write,
/// however the writes interleave, has another key.
func setLarge(
  _ key: String, _ value: [UInt8], cache: any Cache,
  timeout: CacheTimeout = .default
) throws -> Bool {
  let old = try manifest(key, cache: cache)
  guard value.count <= maxValueSize else {
    // Refused: and the copy we meant to replace is out of date, so it goes too, chunks and all.
    _ = try cache.delete(key)
    if let old { try cache.deleteMany(chunkKeys(key, old)) }
    return false
  }
  let writeID = String(UInt64.random(in: 0...UInt64.max), radix: 16)
  let count = max(1, (value.count + chunkSize - 1) / chunkSize)
  for index in 0..<count {
    let start = index * chunkSize
    let chunk = Array(value[start..<min(start + chunkSize, value.count)])
    try cache.set(chunkKey(key, writeID, index), chunk, timeout: timeout)
  }
  try cache.set(key, "\(writeID) \(count) \(value.count)", timeout: timeout)
  // The previous write's chunks are unreachable now; free their room.
  if let old, old.writeID != writeID {
    try cache.deleteMany(chunkKeys(key, old))
  }
  return true
}

/// The whole value stored under `key` by `setLarge`, or nil: never part of one.
func getLarge(_ key: String, cache: any Cache) throws -> [UInt8]? {
  guard let manifest = try manifest(key, cache: cache) else { return nil }
  let keys = (0..<manifest.count).map { chunkKey(key, manifest.writeID, $0) }
  let chunks = try cache.getMany(keys)
  var value: [UInt8] = []
  value.reserveCapacity(manifest.length)
  for chunkKey in keys {
    // A chunk evicted or expired before the others: the value is incomplete, so a miss.
    guard let chunk = chunks[chunkKey] else { return nil }
    value += chunk
  }
  return value.count == manifest.length ? value : nil
}

/// The key of chunk `index` of one write of `key`.
private func chunkKey(_ key: String, _ writeID: String, _ index: Int) -> String {
  "\(key):chunk:\(writeID):\(index)"
}

/// The keys of every chunk of the write a manifest names.
private func chunkKeys(
  _ key: String, _ manifest: (writeID: String, count: Int, length: Int)
) -> [String] {
  (0..<manifest.count).map { chunkKey(key, manifest.writeID, $0) }
}

/// The manifest under `key`, or nil when there is none or it does not parse.
private func manifest(
  _ key: String, cache: any Cache
) throws -> (writeID: String, count: Int, length: Int)? {
  let text: String?
  do {
    text = try cache.get(key, as: String.self)
  } catch CacheError.decodingFailed {
    return nil
  }
  guard let text else { return nil }
  let parts = text.split(separator: " ")
  guard parts.count == 3, let count = Int(parts[1]), let length = Int(parts[2]) else {
    return nil
  }
  return (String(parts[0]), count, length)
}
