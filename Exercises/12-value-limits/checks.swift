import CacheKit
import ExerciseKit
import Synchronization

/// `count` bytes that differ from any other seed's at every chunk, so a mix of two values shows.
private func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
  var random = SeededGenerator(seed: seed)
  var result: [UInt8] = []
  result.reserveCapacity(count + 8)
  while result.count < count {
    withUnsafeBytes(of: random.next()) { result += $0 }
  }
  return Array(result.prefix(count))
}

/// A byte count as people write it.
private func size(_ count: Int) -> String {
  var text = String(count)
  var index = text.count - 3
  while index > 0 {
    text.insert(",", at: text.index(text.startIndex, offsetBy: index))
    index -= 3
  }
  return text + " bytes"
}

/// The cache under test with memcached's item size enforced on every backend, a record of every
/// key written, and hooks to make a write fail or let another process write in the middle.
private final class GuardedCache: ForwardingCache {
  struct State {
    var written: [(key: String, size: Int)] = []
    var tooLarge: (key: String, size: Int)?
    var failAt: Int?
    var interleaveAt: Int?
    var interleave: (@Sendable () throws -> Void)?
  }
  let store: any Cache
  let state = Mutex(State())

  init(_ store: any Cache) { self.store = store }

  /// Every write passes here: it refuses items memcached would, and runs the hooks.
  private func write<T>(_ key: CacheKey, _ value: [UInt8], _ body: () throws -> T) throws -> T {
    let (number, fail) = state.withLock { state -> (Int, Bool) in
      state.written.append((key.rawValue, value.count))
      if value.count > chunkSize, state.tooLarge == nil {
        state.tooLarge = (key.rawValue, value.count)
      }
      return (state.written.count, state.failAt == state.written.count)
    }
    if value.count > chunkSize {
      throw CacheError.backendFailure("SERVER_ERROR object too large for cache")
    }
    if fail { throw CacheError.backendFailure("connection reset by peer") }
    let result = try body()
    let other = state.withLock { state -> (@Sendable () throws -> Void)? in
      guard state.interleaveAt == number else { return nil }
      return state.interleave
    }
    try other?()
    return result
  }

  func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    try write(key, value) { try store.add(key, value, timeout: timeout) }
  }
  func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    try write(key, value) { try store.set(key, value, timeout: timeout) }
  }

  var writeCount: Int { state.withLock { $0.written.count } }
  var writtenKeys: [String] { state.withLock { $0.written.map(\.key) } }
  func reset() { state.withLock { $0 = State() } }
}

/// A value in words for messages: which of the known values it is, or how it differs.
private func shown(_ value: [UInt8]?, _ known: [(name: String, bytes: [UInt8])]) -> String {
  guard let value else { return "nothing (a miss)" }
  if let match = known.first(where: { $0.bytes == value }) { return match.name }
  for candidate in known {
    let common = zip(value, candidate.bytes).prefix { $0 == $1 }.count
    if common > 0 {
      return "\(size(value.count)) whose first \(size(common)) are \(candidate.name)'s and the "
        + "rest are not: half a value"
    }
  }
  return "\(size(value.count)) that match none of the values written"
}

/// Stores through the learner's setLarge, explaining a refusal by the item size.
private func store(
  _ key: String, _ value: [UInt8], _ cache: GuardedCache, timeout: CacheTimeout = .default
) throws -> Bool {
  do {
    return try setLarge(key, value, cache: cache, timeout: timeout)
  } catch {
    if let big = cache.state.withLock({ $0.tooLarge }) {
      throw CheckFailure(
        expected: "every item at most \(size(chunkSize))",
        got: "an item of \(size(big.size)) under \"\(big.key)\"",
        why: "Memcached refuses any item over its item size, 1 MB by default with the key and "
          + "its bookkeeping, with SERVER_ERROR object too large for cache; the checks hold "
          + "every backend to the same limit, so that code tried on Redis or in memory does "
          + "not break in production on memcached. Split the value into chunks of at most "
          + "chunkSize bytes.")
    }
    throw error
  }
}

/// Fails unless setLarge stored `value` and getLarge gives it back whole.
private func roundTrip(
  _ key: String, _ value: [UInt8], _ cache: GuardedCache, _ what: String, line: Int = #line
) throws {
  let stored = try store(key, value, cache)
  try expect(
    stored, expected: "setLarge to store \(what) (\(size(value.count)))", got: "false",
    "\(size(value.count)) is within maxValueSize (\(size(maxValueSize))), so it must be stored.",
    line: line)
  let read = try getLarge(key, cache: cache)
  try expect(
    read == value, expected: "\(what), whole", got: shown(read, [(what, value)]),
    "getLarge must give back exactly the bytes setLarge was given, in order.", line: line)
}

private let twoAndAHalf = bytes(2_500_000, seed: 1)
private let threeAndAHalf = bytes(3_500_000, seed: 2)
private let oneAndAHalf = bytes(1_500_000, seed: 3)

let exerciseChecks: [Check] = [
  Check("a small value is stored, read back whole, and expires") { context in
    let cache = GuardedCache(context.cache)
    let small = bytes(10_000, seed: 7)
    let stored = try store("report:small", small, cache, timeout: 60)
    try expect(stored, expected: "true", got: "false", "A 10,000-byte value must be stored.")
    let read = try getLarge("report:small", cache: cache)
    try expect(
      read == small, expected: "the 10,000-byte value", got: shown(read, [("it", small)]),
      "A small value needs one chunk, and must come back as it went in.")
    try roundTrip("report:empty", [], cache, "an empty value")
    try context.advance(seconds: 61)
    let expired = try getLarge("report:small", cache: cache)
    try expect(
      expired == nil, expected: "nothing (a miss)", got: shown(expired, [("the old value", small)]),
      "It was stored with timeout: 60, and 61 s have passed: pass the timeout to every item "
        + "you store.")
  },

  Check("values over 1 MB are split into chunks and read back whole") { context in
    let cache = GuardedCache(context.cache)
    try roundTrip("report:march", twoAndAHalf, cache, "the 2.5 MB report")
    try roundTrip("report:april", oneAndAHalf, cache, "the 1.5 MB report")
    let exact = bytes(maxValueSize, seed: 4)
    try roundTrip("report:may", exact, cache, "a report of exactly maxValueSize")
    try roundTrip("report:march", threeAndAHalf, cache, "the 3.5 MB report over the 2.5 MB one")
    try roundTrip("report:march", oneAndAHalf, cache, "the 1.5 MB report over the 3.5 MB one")
  },

  Check("a value over maxValueSize is refused without storing anything") { context in
    let cache = GuardedCache(context.cache)
    try roundTrip("report:june", oneAndAHalf, cache, "the 1.5 MB report")
    cache.reset()
    let huge = bytes(maxValueSize + 1, seed: 5)
    let stored = try store("report:june", huge, cache)
    try expect(
      !stored, expected: "false", got: "true",
      "\(size(huge.count)) is over maxValueSize (\(size(maxValueSize))): refuse it and "
        + "return false, so the caller knows it was not cached.")
    try expect(
      cache.writeCount == 0, expected: "no item written",
      got: "\(cache.writeCount) items written",
      "Decide before writing: chunks of a value you then refuse only push other keys out of "
        + "the cache.")
    let read = try getLarge("report:june", cache: cache)
    try expect(
      read == nil, expected: "nothing (a miss)",
      got: shown(read, [("the old 1.5 MB report", oneAndAHalf)]),
      "The caller meant to replace the old report; keeping it would serve stale data for its "
        + "whole timeout. Memcached does the same: a refused set drops the old value. Delete "
        + "what was under the key.")
  },

  Check("a missing chunk makes the whole value a miss") { context in
    let cache = GuardedCache(context.cache)
    _ = try store("report:july", twoAndAHalf, cache)
    cache.reset()
    try roundTrip("report:july", oneAndAHalf, cache, "the 1.5 MB report")
    let writes = cache.writtenKeys.count
    for index in 0..<writes {
      if index > 0 {
        _ = try store("report:july", twoAndAHalf, cache)
        cache.reset()
        try roundTrip("report:july", oneAndAHalf, cache, "the 1.5 MB report")
      }
      let keys = cache.writtenKeys
      guard index < keys.count else { break }
      let key = keys[index]
      let removed = try context.cache.delete(CacheKey(key))
      let read = try getLarge("report:july", cache: cache)
      let known = [("the 1.5 MB report", oneAndAHalf), ("the old 2.5 MB report", twoAndAHalf)]
      try expect(
        read == nil, expected: "nothing (a miss)", got: shown(read, known),
        "Item \(index + 1) of the \(keys.count) setLarge wrote (\"\(key)\") was "
          + (removed ? "evicted" : "already gone")
          + ", as memcached and Redis evict single items under memory pressure. Without "
          + "every chunk of one write there is no whole value: that is a miss, never the rest "
          + "glued together, nor another write's chunk in its place.")
      cache.reset()
    }
  },

  Check("a write that fails partway never leaves half a value") { context in
    let cache = GuardedCache(context.cache)
    try roundTrip("report:august", twoAndAHalf, cache, "the old 2.5 MB report")
    cache.reset()
    try roundTrip("report:august", oneAndAHalf, cache, "the 1.5 MB report")
    let writes = cache.writeCount
    for failing in 1...writes {
      try context.cache.clear()
      try roundTrip("report:august", twoAndAHalf, cache, "the old 2.5 MB report")
      cache.reset()
      cache.state.withLock { $0.failAt = failing }
      _ = try? setLarge("report:august", oneAndAHalf, cache: cache)
      cache.reset()
      let read = try getLarge("report:august", cache: cache)
      let known = [("the old 2.5 MB report", twoAndAHalf), ("the new 1.5 MB report", oneAndAHalf)]
      try expect(
        read == nil || read == twoAndAHalf || read == oneAndAHalf,
        expected: "the old report, the new one or a miss", got: shown(read, known),
        "Replacing the 2.5 MB report with the 1.5 MB one, write \(failing) of \(writes) failed "
          + "(a server restart, a dropped connection). What a reader then finds must be a whole "
          + "value, or nothing: write the chunks first and the part that makes them readable "
          + "last, and never let one write's chunks be read as another's.")
    }
  },

  Check("another process writing the same key meanwhile never mixes two values") { context in
    let cache = GuardedCache(context.cache)
    let other = GuardedCache(context.cache)
    let pairs = [
      ("the 1.5 MB report", oneAndAHalf, "another process's 2.5 MB report", twoAndAHalf),
      ("the 2.5 MB report", twoAndAHalf, "another process's 1.5 MB report", oneAndAHalf),
    ]
    for (name, mine, otherName, theirs) in pairs {
      try context.cache.clear()
      cache.reset()
      try roundTrip("report:september", mine, cache, name)
      let writes = cache.writeCount
      for point in 1...writes {
        try context.cache.clear()
        cache.reset()
        cache.state.withLock {
          $0.interleaveAt = point
          $0.interleave = { _ = try setLarge("report:september", theirs, cache: other) }
        }
        _ = try store("report:september", mine, cache)
        cache.reset()
        let read = try getLarge("report:september", cache: cache)
        try expect(
          read == nil || read == mine || read == theirs,
          expected: "\(name), \(otherName) or a miss",
          got: shown(read, [(name, mine), (otherName, theirs)]),
          "Right after write \(point) of the \(writes) that store \(name), another process "
            + "stored \(otherName) under the same key. Every process shares the cache, so "
            + "their items interleave; each write's chunks must be told apart from the other's "
            + "(a key of their own per write, or a checksum of the whole value that the reader "
            + "verifies), or a reader glues chunks of both.")
      }
    }
  },
]
